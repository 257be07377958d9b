# Dict and list churn: inserts, lookups, deletes, appends, pops, sorting.
def churn(n):
    d = {}
    lst = []
    for i in range(n):
        key = i * 7919 % 100_003
        d[key] = d.get(key, 0) + i
        lst.append(key)
        if len(lst) > 1000:
            for k in lst[:500]:
                d.pop(k, None)
            del lst[:500]
    items = sorted(d.items())
    return len(d), items[0], items[-1], sum(lst)

print(churn(1_000_000))
