async def f():
    await 5
try:
    f().send(None)
except TypeError as e:
    print(e)
class BadAwait:
    def __await__(self):
        return 5
async def g():
    await BadAwait()
try:
    g().send(None)
except TypeError as e:
    print(e)
async def h(): return 1
co = h()
try:
    co.send(None)
except StopIteration:
    pass
try:
    co.send(None)
except RuntimeError as e:
    print(e)
