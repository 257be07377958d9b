match command.split():
    case [action]:
        go(action)
    case [action, obj]:
        take(action, obj)
    case Point(x=0, y=0):
        origin()
    case {"x": x, **rest}:
        mapping(x, rest)
    case [1, *others] | (2, *others):
        seq(others)
    case str() as s if s:
        text(s)
    case -1 | 1.5 | None | True:
        pass
    case _:
        default()
