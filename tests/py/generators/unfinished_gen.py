def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup on collect")
it = g()
next(it)
del it
print("after del")
def h():
    try:
        yield 1
    finally:
        print("cleanup at exit")
keep = h()
next(keep)
print("end of script")
