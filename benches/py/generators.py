# Generators: creation, resumption, yield from, and consumption by builtins.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(n):
    for x in count_up(n):
        if x % 2 == 0:
            yield x

def chained(n):
    yield from evens(n)
    yield from count_up(10)

print(sum(chained(1_500_000)), sum(x * x for x in range(500_000)))
