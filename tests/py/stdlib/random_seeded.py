# random: CPython's exact MT19937 values for int/str/bytes/float seeds, distributions, state, errors
import random
random.seed(42)
print(random.random(), random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.sample(range(10000), 8), random.choices("abc", k=5), random.choices("abc", weights=[1, 5, 10], k=5))
print(random.getrandbits(8), random.getrandbits(100), random.randrange(0, 100, 7), random.randrange(10), random.randbytes(5))
print(random.normalvariate(), random.expovariate(2), random.triangular(), random.gammavariate(2.5, 1), random.gammavariate(0.5, 1), random.betavariate(2, 3), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.lognormvariate(0, 1))
for s in ["hello", b"bytes", 0, -5, 2**100, 3.5, ""]:
    random.seed(s); print(repr(s), random.random())
r = random.Random(123); print(r.random(), r.randint(0, 10**30))
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.sample(range(3), 4), lambda: random.seed([1]), lambda: random.randrange(0, 10, 0), lambda: random.sample({1, 2}, 1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
random.seed(7); print([random.randint(0, 9) for _ in range(20)])
