def g(n):
    for i in range(n):
        if i == 2:
            return f"stopped at {i}"
        yield i
print(list(g(5)))
it = g(5)
out = []
while True:
    try:
        out.append(next(it))
    except StopIteration as e:
        out.append(e.value)
        break
print(out)
def empty():
    return
    yield
print(list(empty()))
