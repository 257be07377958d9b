def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    return "done"
g = outer()
print(next(g))
print(g.send("sent"))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value)
def delegating_throw():
    try:
        yield from inner()
    except ValueError as e:
        yield f"outer handled {e}"
d = delegating_throw()
next(d)
print(d.throw(ValueError("x")))
def sub():
    try:
        yield 1
    finally:
        print("sub closed")
def top():
    yield from sub()
t = top()
next(t)
t.close()
