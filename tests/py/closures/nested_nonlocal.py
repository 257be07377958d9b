def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 10
            return x
        return c
    f = b()
    f()
    return f(), x
print(a())
def shadow():
    x = "shadow"
    def inner():
        x = "inner"
        return x
    return inner(), x
print(shadow())
