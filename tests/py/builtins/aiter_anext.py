# aiter() and anext() (with and without a default), and their errors.
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def agen():
    yield 'a'
    yield 'b'


async def main():
    it = aiter(Counter(2))
    print(await anext(it), await anext(it), await anext(it, 'done'), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    g = aiter(agen())
    print(await anext(g), await anext(g), await anext(g, 'end'))
    print([x async for x in aiter(Counter(3))])


# Nothing here suspends, so one send() runs the coroutine to the end (no event loop).
c = main()
try:
    c.send(None)
except StopIteration:
    pass


class NoNext:
    def __aiter__(self):
        return 5


for f in [lambda: aiter(1), lambda: anext(1), lambda: anext(), lambda: aiter(), lambda: aiter(1, 2),
          lambda: anext(1, 2, 3), lambda: aiter(NoNext())]:
    try:
        f()
    except TypeError as e:
        print(e)
print(type(None)(), type(NotImplemented)(), type(...)())
for t in (type(None), type(NotImplemented), type(...)):
    try:
        t(1)
    except TypeError as e:
        print(e)
print(list(enumerate('ab', True)))
