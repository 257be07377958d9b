def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle {rest}"
        case {}:
            return "some mapping"
        case _:
            return "not mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5}, {"a": 1}, [1]]:
    print(m(v))
class MyMap(dict): pass
print(m(MyMap(type="point", x=0, y=0)))
