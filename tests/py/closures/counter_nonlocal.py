def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
c()
c(5)
print(c())
print(c.__closure__[0].cell_contents)
print(c.__code__.co_freevars, counter.__code__.co_cellvars)
