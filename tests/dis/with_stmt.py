def f():
    with open("x") as fp, lock:
        data = fp.read()
    return data


def g():
    with m:
        return 1
