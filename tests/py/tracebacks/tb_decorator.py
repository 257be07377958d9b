def deco(fn):
    def wrapper(*args):
        return fn(*args)
    return wrapper
@deco
def target(x):
    return x.nonexistent
target(5)
