def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
g2 = echo()
try:
    g2.send(1)
except TypeError as e:
    print(e)
