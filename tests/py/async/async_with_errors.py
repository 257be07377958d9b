class Sync:
    def __enter__(self): return self
    def __exit__(self, *a): pass
class OnlyEnter:
    async def __aenter__(self): return self
async def use(mgr):
    async with mgr:
        pass
for m in (Sync(), OnlyEnter()):
    try:
        use(m).send(None)
    except TypeError as e:
        print(e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    bad_for().send(None)
except TypeError as e:
    print(e)
class Swallow:
    async def __aenter__(self): return "entered"
    async def __aexit__(self, et, ev, tb):
        print("aexit got", et.__name__)
        return True
async def swallow():
    async with Swallow() as s:
        print(s)
        raise RuntimeError("hidden")
    return "after"
try:
    swallow().send(None)
except StopIteration as e:
    print(e.value)
