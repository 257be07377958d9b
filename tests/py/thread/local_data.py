# threading.local: per-thread attributes, __init__ rerun per thread, subclass properties.
import threading

data = threading.local()
data.x = "main"


def reader(out):
    out.append(hasattr(data, "x"))
    data.x = "thread"
    out.append(data.x)


out = []
t = threading.Thread(target=reader, args=(out,))
t.start()
t.join()
print(out, data.x)


class Counter(threading.local):
    inits = 0

    def __init__(self, start):
        Counter.inits += 1
        self.value = start

    @property
    def doubled(self):
        return self.value * 2


c = Counter(5)
res = []


def bump():
    c.value += 1
    res.append((c.value, c.doubled))


ts = [threading.Thread(target=bump) for _ in range(3)]
for t in ts:
    t.start()
    t.join()
print(res, c.value, Counter.inits)

try:
    threading.local(1)
except TypeError as e:
    print(e)
del data.x
try:
    data.x
except AttributeError:
    print("deleted")
print(sorted(k for k in c.__dict__))
