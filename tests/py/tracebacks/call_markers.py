def f(x):
    return int(x)
value = f("1") + f("nope")
