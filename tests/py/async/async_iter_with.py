class Ticker:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et)
        return False
async def main():
    out = []
    async for t in Ticker(3):
        out.append(t)
    print(out)
    async with ACM() as r:
        print("using", r)
    print([x async for x in Ticker(2)])
    return "ok"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
