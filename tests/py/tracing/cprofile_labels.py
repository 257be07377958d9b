# cProfile's names and call counts for builtin functions and methods called bound or through
# their module, as pstats keys them.
import cProfile, pstats
def work():
    d = {}
    l = []
    for i in range(50):
        d[i] = d.get(i, 0) + 1
        l.append(i)
        "x".join(["a", "b"])
    return sorted(d.items()), len(l), max(l)
p = cProfile.Profile()
p.enable()
work()
p.disable()
st = pstats.Stats(p)
for (f, line, name), v in sorted(st.stats.items(), key=lambda kv: kv[0][2]):
    print(f.rsplit("/", 1)[-1], line, name, v[0], v[1])
