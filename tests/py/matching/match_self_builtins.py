def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i > 100:
            return f"big int {i}"
        case int(i):
            return f"int {i}"
        case str(s):
            return f"str {s!r}"
        case [int(a), str(b)]:
            return f"pair {a} {b}"
        case {"k": [*items]}:
            return f"k-list {items}"
        case tuple(t):
            return f"tuple {t}"
        case _:
            return "other"
for v in [True, 500, 5, "x", [1, "a"], {"k": [1, 2]}, (1,), 1.0]:
    print(kind(v))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
try:
    match {"a": 1}:
        case {"a": 1, "a": 2}:
            pass
except SyntaxError:
    pass
