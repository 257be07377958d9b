# a __hash__ result that fits a machine word is used as is (only huge ints are rehashed)
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
for v in (0, 5, -1, -2, 2**61, 2**62 + 7, -(2**63), 2**63 - 1, 2**64 + 3, -(2**70), True):
    print(v, hash(H(v)))
print(hash(H(hash("abc"))) == hash("abc"))
