# test: timeout=60
# Freeing long chains and deep nests does not overflow the native stack.
class Node:
    __slots__ = ('next',)
    def __init__(self, nxt):
        self.next = nxt

head = None
for i in range(100000):
    head = Node(head)
del head
print('linked list of objects freed')

head = None
for i in range(1000000):
    head = [i, head]
del head
print('linked list of 1,000,000 nodes freed')

nest = []
for i in range(1000000):
    nest = [nest]
del nest
print('nested lists freed')

t = ()
for i in range(500000):
    t = (t,)
del t
print('nested tuples freed')

d = {}
for i in range(300000):
    d = {'d': d}
del d
print('nested dicts freed')
