# Collection runs by itself once enough container objects were allocated.
import gc, weakref

class Link:
    pass

first = Link(); first.me = first
died = []
probe = weakref.ref(first, lambda r: died.append(True))
del first
for i in range(50000):
    x = Link(); x.me = x
    if died:
        break
print('collected automatically:', bool(died))

gc.disable()
late = Link(); late.me = late
probe2 = weakref.ref(late)
del late
for i in range(50000):
    y = [i]
print('disabled keeps it:', probe2() is not None)
gc.enable()
gc.collect()
print('after manual collect:', probe2())
