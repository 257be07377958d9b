# Method calls on instances: attribute loads, bound-method calls, instance dict stores.
class Counter:
    def __init__(self):
        self.count = 0
        self.step = 1

    def incr(self):
        self.count += self.step
        return self

    def value(self):
        return self.count

class Doubler(Counter):
    def incr(self):
        super().incr()
        self.count += self.step
        return self

def run(n):
    a = Counter()
    b = Doubler()
    for _ in range(n):
        a.incr()
        b.incr()
    return a.value(), b.value()

print(run(500_000))
