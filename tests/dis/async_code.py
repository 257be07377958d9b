async def f(x):
    await x
    async with x as y:
        pass
    async for i in y:
        print(i)
    return [await z async for z in x]


async def agen():
    yield 1
