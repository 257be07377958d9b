# heapq: heap layout after each operation matches CPython; merge/nlargest/nsmallest
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(4)], h)
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0, 11, 10]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 12), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 13), data)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(["a", "bb"], ["ccc", "d"], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
words = "the quick brown fox jumps over the lazy dog".split()
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(2, [3, 1, 2]), heapq.nsmallest(1, [3, 1, 2]), heapq.nsmallest(0, [1]), heapq.nlargest(5, []))
pairs = [(2, "b"), (1, "a"), (3, "c"), (1, "z")]
heapq.heapify(pairs); print(pairs, heapq.heappop(pairs))
for f in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
