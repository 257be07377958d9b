"""Heap queue (priority queue) algorithms over plain lists.

A heap is a list where `heap[k] <= heap[2*k+1]` and `heap[k] <= heap[2*k+2]`; the
smallest item is `heap[0]`. The sift steps follow the classic scheme (bubble the hole
at `pos` down to a leaf choosing the smaller child, then let the item rise), so lists end
up with the same layout CPython's heapq produces for the same operations.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _lt(a, b):
    return a < b


def _gt(a, b):
    return b < a


def _rise(heap, top, pos, before=_lt):
    """Move heap[pos] up towards index `top` while it comes `before` its parent."""
    item = heap[pos]
    while pos > top:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if before(item, parent):
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sink(heap, pos, before=_lt):
    """Move the hole at `pos` down to a leaf along the children that come first, then
    let the displaced item rise back (the classic layout CPython's heapq produces)."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not before(heap[child], heap[right]):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise(heap, start, pos, before)


def _check_list(heap, name):
    if not isinstance(heap, list):
        raise TypeError(f"{name}() argument 1 must be list, not {type(heap).__name__}")


def heappush(heap, item, /):
    _check_list(heap, "heappush")
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap, /):
    _check_list(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sink(heap, 0)
        return smallest
    return last


def heapreplace(heap, item, /):
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sink(heap, 0)
    return item


def heapify(heap, /):
    _check_list(heap, "heapify")
    for i in reversed(range(len(heap) // 2)):
        _sink(heap, i)


def _heapify_max(heap):
    for i in reversed(range(len(heap) // 2)):
        _sink(heap, i, _gt)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _sink(heap, 0, _gt)
        return largest
    return last


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sink(heap, 0, _gt)
    return largest


def merge(*iterables, key=None, reverse=False):
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            sort_key = value if key is None else key(value)
            # `order` breaks ties so the merge is stable and never compares iterators.
            entries.append([sort_key, order * (-1 if reverse else 1), value, it])
            break
    if reverse:
        _heapify_max(entries)
        pop, replace = _heappop_max, _heapreplace_max
    else:
        heapify(entries)
        pop, replace = heappop, heapreplace
    while entries:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[2] = value
            entry[0] = value if key is None else key(value)
            replace(entries, entry)
            break
        else:
            pop(entries)


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = min(it, default=sentinel)
        else:
            result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = max(it, default=sentinel)
        else:
            result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    return sorted(iterable, key=key, reverse=True)[:n]
