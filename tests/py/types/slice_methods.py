# slice objects: indices, equality and ordering, repr, unhashability.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(slice(1, 10, 2).indices(5), slice(None).indices(3), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(10), slice(-3, None).indices(10), slice(5, 1, -2).indices(10), slice(10**30).indices(4))
print(slice(0, 10).indices(10**30), slice(-1, None, -1).indices(0))
t(lambda: slice(1).indices(-1))
t(lambda: slice(1).indices('a'))
t(lambda: slice(None, None, 0).indices(3))
t(lambda: slice('a').indices(3))
t(lambda: slice(1).indices())
print(slice(1) == slice(1), slice(1, 2) == slice(1, 2, None), slice(1) == slice(2), slice(1) != slice(1, 2), slice(1) == (None, 1, None))
print(slice(1) < slice(2), slice(1, 2) <= slice(1, 2), slice(0, 5) > slice(0, 4), slice(None, 1) >= slice(None, 1))
t(lambda: slice(1) < slice('a'))
t(lambda: hash(slice(1)))
t(lambda: {slice(1): 1})
print(repr(slice(1)), repr(slice(1, 'a')), repr(slice(None, None, -1)), str(slice(1, 2, 3)))
print(slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step, slice.__hash__)
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
print([0, 1, 2, 3, 4, 5][slice(1, None, 2)], 'abcdef'[slice(None, None, -2)])
