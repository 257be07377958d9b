async def f():
    return 1
c = f()
print(type(c).__name__)
c.close()
print("closed")
