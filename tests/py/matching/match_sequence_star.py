def split(seq):
    match seq:
        case [*init, last]:
            return init, last
        case []:
            return "empty"
print(split([1, 2, 3]), split((4,)), split([]))
match range(4):
    case [0, *middle, 3]:
        print("range middle", middle)
match "abc":
    case [*chars]:
        print("str is a sequence?")
    case str():
        print("str is not a sequence pattern")
point = (1, 2)
match point:
    case (x, y) if x < y:
        print("ascending", x, y)
match 42:
    case x:
        print("capture", x)
