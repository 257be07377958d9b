class P:
    __match_args__ = ("a",)
    def __init__(self): self.a = 1
match P():
    case P(a=1, b=2):
        print("no")
    case P(a=1):
        print("missing attr fails case")
class Bad:
    __match_args__ = ["a"]
try:
    match Bad():
        case Bad(1):
            pass
except TypeError as e:
    print(e)
try:
    match P():
        case P(x, a=1):
            pass
except TypeError as e:
    print(e)
