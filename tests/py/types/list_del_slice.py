# del on list slices: contiguous runs, extended (stepped) slices, empty and clamped ranges,
# and the order in which the removed items die.
def show(expr, f):
    lst = list(range(12))
    f(lst)
    print(expr, lst)

def d1(l): del l[2:5]
def d2(l): del l[:500]
def d3(l): del l[::2]
def d4(l): del l[1::3]
def d5(l): del l[::-2]
def d6(l): del l[8:2:-3]
def d7(l): del l[5:5]
def d8(l): del l[7:3]
def d9(l): del l[-3:]
def d10(l): del l[-100:3]
def d11(l): del l[::1]
def d12(l): del l[10:2:-1]
for name, f in [("[2:5]", d1), ("[:500]", d2), ("[::2]", d3), ("[1::3]", d4), ("[::-2]", d5),
                ("[8:2:-3]", d6), ("[5:5]", d7), ("[7:3]", d8), ("[-3:]", d9), ("[-100:3]", d10),
                ("[::1]", d11), ("[10:2:-1]", d12)]:
    show(name, f)

# Removing half of a large list repeatedly (this was quadratic).
big = list(range(200_000))
while len(big) > 1000:
    del big[: len(big) // 2]
print(len(big), big[0], big[-1])

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, "list now", len(holder))

holder = [Noisy(i) for i in range(6)]
del holder[1:4]
print([x.n for x in holder])
del holder[::2]
print([x.n for x in holder])

try:
    del holder[::0]
except ValueError as e:
    print("ValueError:", e)
holder.clear()
print("cleared", holder)
