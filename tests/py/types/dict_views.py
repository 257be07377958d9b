# keys()/values()/items() are live views: len, iteration, in, set operations, reversed.
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
d["c"] = 3
print(k, v, i, len(k), len(v), len(i))
print("a" in k, "z" in k, 2 in v, 9 in v, ("a", 1) in i, ("a", 2) in i, "a" in i, ([], 1) in i)
print(list(k), list(v), list(i), sorted(k), [x for x in i])
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, sorted(k ^ {"a", "q"}), {"a", "q"} & k, ["b"] | k if False else sorted(["z"] | k))
print(i & {("a", 1)}, i - {("a", 1)} == {("b", 2), ("c", 3)}, sorted(i | {("z", 0)}))
print(k == {"a", "b", "c"}, k == {"a"}, k < {"a", "b", "c", "d"}, k <= {"a", "b", "c"}, k > {"a"}, k >= k, k == d.keys())
print(i == {("a", 1), ("b", 2), ("c", 3)}, v == v, v == d.values())
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), i.isdisjoint([("a", 1)]))
del d["a"]
print(k, v, i, bool(k), bool({}.keys()))
e = {}
print(e.keys(), e.values(), e.items())
try:
    for key in d.keys():
        d["new" + key] = 1
except RuntimeError as err:
    print("RuntimeError", err)
try:
    for key in d:
        del d[key]
except RuntimeError as err:
    print("RuntimeError", err)
for bad in [lambda: hash({}.keys()), lambda: k[0], lambda: {}.keys() & 1, lambda: {}.values() | {1}]:
    try:
        print(bad())
    except Exception as err:
        print(type(err).__name__, err)
