# Allocate and drop 1,000,000 small objects (instances, tuples and lists), one at a time.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def churn(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        t = (p, i)
        l = [i]
        total += p.x + t[1] + l[0]
    return total


print(churn(1000000))
