# Closures: cell variables, nonlocal updates, lambdas and nested function creation.
def make_counter():
    count = 0
    def incr(step):
        nonlocal count
        count += step
        return count
    return incr

def compose(f, g):
    return lambda x: f(g(x))

def run(n):
    c = make_counter()
    inc = compose(lambda x: x + 1, lambda x: x * 2)
    total = 0
    for i in range(n):
        total += inc(i) + c(1)
        if i % 1000 == 0:
            c = make_counter()
    return total

print(run(600_000))
