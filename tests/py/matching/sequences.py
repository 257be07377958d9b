def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *rest] if len(rest) > 2:
            return f"long first={first} rest={rest}"
        case (a, *mid, b):
            return f"ends {a} {b} mid={mid}"
for v in [[], [1], (1, 2), [1, 2, 3], [1, 2, 3, 4], "ab", range(3)]:
    print(repr(v), m(v))
match [1, [2, 3]]:
    case [a, [b, c]]:
        print(a, b, c)
match {"k": 1}:
    case [x]:
        print("dict is not a sequence")
    case _:
        print("ok")
