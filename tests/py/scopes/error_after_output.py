print("never printed")
def f():
    nonlocal q
