def read(lines):
    for line in lines:
        yield line.strip()
def parse(items):
    for it in items:
        if not it:
            continue
        k, _, v = it.partition("=")
        yield k, int(v)
def total(pairs):
    s = 0
    for k, v in pairs:
        s += v
        yield k, s
print(list(total(parse(read(["a=1", "", "b=2 ", "c=3"])))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])
def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(30))
