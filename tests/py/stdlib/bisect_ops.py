# bisect: left/right, lo/hi bounds, key=, insort variants, errors
import bisect
a = [1, 2, 2, 2, 3, 5]
print([bisect.bisect_left(a, x) for x in range(7)], [bisect.bisect_right(a, x) for x in range(7)])
print(bisect.bisect(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 9, hi=3))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4); bisect.insort_right(b, 0); print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("z", 4), key=lambda r: r[1]); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print("ValueError", e)
