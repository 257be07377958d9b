# A frame object kept by its own frame's locals is a reference cycle: the cycle collector
# frees it, and what the locals held, as CPython's does.
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def keeps_own_frame():
    frame = sys._getframe()
    x = Noisy("function local")
    return 1


def gen_keeps_own_frame():
    frame = sys._getframe()
    x = Noisy("generator local")
    yield 1


gc.disable()
keeps_own_frame()
print("returned")
gc.collect()
print("collected")

g = gen_keeps_own_frame()
next(g)
del g
print("generator dropped")
gc.collect()
print("collected")

for v in gen_keeps_own_frame():
    pass
print("loop done")
gc.collect()
print("collected")


def traceback_cycle():
    try:
        raise ValueError("kept")
    except ValueError as e:
        err = e
        x = Noisy("traceback local")
    return 1


traceback_cycle()
print("returned")
gc.collect()
print("collected")
