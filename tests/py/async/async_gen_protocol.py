async def ticker(n):
    for i in range(n):
        yield i
    print("ticker done")
async def main():
    ag = ticker(2)
    print(type(ag).__name__, ag.__aiter__() is ag)
    print(await ag.__anext__())
    print(await ag.__anext__())
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    total = 0
    async for v in ticker(4):
        total += v
    return total
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("total", e.value)
