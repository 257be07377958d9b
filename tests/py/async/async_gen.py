async def agen():
    yield 1
    yield 2
async def main():
    return [x async for x in agen()]
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(type(agen()).__name__)
