match command.split():
    case [action]:
        pass
    case [action, obj, *_]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"x": 1, **rest} if rest:
        pass
    case -1 | 1.5 | -2 + 3j | "s" "t" | None | True | a.b.c:
        pass
    case (1, 2) | [] | () | (x,) as y:
        pass
    case _:
        pass
match = 1
match(x)
case = match[1]
