# Results of set algebra come out in CPython's order (randomised operations, fixed seed).
class R:
    def __init__(self, seed):
        self.x = seed
    def random(self):
        self.x = (self.x * 1103515245 + 12345) % 2**31
        return self.x / 2**31
    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))
    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

random = R(7)
for trial in range(40):
    s = set()
    for step in range(random.randint(1, 60)):
        r = random.random()
        x = random.randint(-50, 200) * random.choice([1, 8, 32, 1024])
        if r < 0.6:
            s.add(x)
        elif r < 0.8:
            s.discard(random.choice(list(s)) if s else x)
        elif r < 0.9 and s:
            s.pop()
        else:
            s |= {x, x + 1}
    print(s)
    t = frozenset(random.randint(0, 100) for _ in range(30))
    print(s & t, s | t, s - t, s ^ t, t - s)
    print(t.intersection(s, range(50)), s.union([5, 3], (9,)), t.symmetric_difference(range(20)), s.difference(t, [1, 2]))
    u = set(s); u.intersection_update(t); print(u)
    u = set(s); u.difference_update(range(0, 1000, 3)); print(u)
    u = set(s); u.symmetric_difference_update(list(t)); print(u)
    u = set(s); u ^= t; u -= {1, 2, 3}; u &= set(range(-100, 100)); print(u)
    d = dict.fromkeys(range(0, 60, 7))
    print(set(d), s.difference(d), d.keys() | s, d.keys() - s, d.keys() ^ {1, 2}, s.copy(), frozenset(s))
    print(s <= t, s.issubset(s | t), s.isdisjoint(t), s == set(s), s.issuperset(range(3)))
