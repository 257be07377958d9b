# A function's docstring is its code's first constant, the same object however the two
# are reached first (gild makes a code object's constants on first use).
def f():
    "the doc"
    return 1


print(f.__doc__ is f.__code__.co_consts[0])


def g():
    "other doc"


consts = g.__code__.co_consts
print(consts[0] is g.__doc__, consts)

made = []
for i in range(3):
    def h(x=i):
        "loop doc"
        return x
    made.append(h)
print(made[0].__doc__ is made[2].__doc__ is made[1].__code__.co_consts[0])
print([m() for m in made], made[1].__code__.co_names, made[1].__code__.co_varnames)
