# A native iterator re-entered from its own callback must raise, not crash.
def f(x):
    try:
        next(m)
    except ValueError as e:
        return ("inner", type(e).__name__)
    return x

m = map(f, [1, 2, 3])
try:
    print(list(m))
except Exception as e:
    print(type(e).__name__)
print("alive")
