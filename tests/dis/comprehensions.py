a = [x * 2 for x in range(10) if x]
b = {k: v for k, v in items}
c = {x for x in y for z in x}
d = (i for i in [1, 2, 3])
def f(n):
    return [x + n for x in range(n) for y in [x]]
