class Sleep:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got
async def leaf(n):
    a = await Sleep(f"leaf{n}-a")
    b = await Sleep(f"leaf{n}-b")
    return a + b
async def middle():
    x = await leaf(1)
    y = await leaf(2)
    return [x, y]
def run(coro):
    value = None
    step = 0
    while True:
        try:
            tag = coro.send(value)
        except StopIteration as e:
            return e.value
        print("suspended at", tag)
        step += 1
        value = step
print(run(middle()))
async def failing():
    await Sleep("before failure")
    raise ValueError("inside coroutine")
c = failing()
print(c.send(None))
try:
    c.send(None)
except ValueError as e:
    print("raised", e)
c2 = failing()
c2.send(None)
try:
    c2.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown out", e)
