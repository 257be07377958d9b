async def add(a, b):
    return a + b
c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Awaitable:
    def __await__(self):
        x = yield "suspended"
        return f"resumed with {x}"
async def main():
    r = await Awaitable()
    print(r)
    v = await add(2, 3)
    return v * 10
co = main()
print(co.send(None))
try:
    co.send("hello")
except StopIteration as e:
    print("main returned", e.value)
