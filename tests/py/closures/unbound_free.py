def outer():
    def inner():
        return w
    r = inner()
    w = 1
    return r
outer()
