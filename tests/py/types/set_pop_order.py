# set.pop() takes elements from CPython's search finger; dummies and reuse of slots.
s = set(range(10))
print([s.pop() for _ in range(4)], s)
s.add(0)
s.add(100)
print(s, s.pop(), s.pop(), s)
t = {1, 2, 3}
t.discard(2)
t.add(10)
print(t)
u = set([8, 16, 24, 32])
u.discard(16)
u.add(40)
u.discard(8)
u.add(48)
print(u, u.pop(), u)
v = set(range(50))
for i in range(0, 50, 3):
    v.discard(i)
print(v)
v.update(range(100, 140))
print(v)
while len(v) > 40:
    v.pop()
print(v)
w = set()
try:
    w.pop()
except KeyError as e:
    print('KeyError', e)
w = {5, 6}
w.clear()
w.add(13)
w.add(5)
print(w, w.pop(), w)
x = set(range(100))
x.clear()
x.update([3, 11, 19])
print(x)
