def f():
    a = 1
    del a
    try:
        a
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    try:
        del a
    except UnboundLocalError as e:
        print("del:", e)
f()
b = 2
del b
try:
    b
except NameError as e:
    print(type(e).__name__, e)
