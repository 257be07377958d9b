# Build 100,000 reference cycles and let the cycle collector free them.
import gc


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None


def build(n):
    for i in range(n):
        a = Node(i)
        b = Node(i)
        a.peer = b
        b.peer = a
        l = [a]
        l.append(l)


gc.collect()
build(100000)
print(gc.collect() >= 0)
