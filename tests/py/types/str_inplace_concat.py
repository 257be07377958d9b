# `s += t` may reuse the string's memory only when nobody else can see it: every alias,
# container, dict key, closure and interned constant keeps its old value.
def build():
    s = ""
    for i in range(2000):
        s += str(i % 10)
    return s

r = build()
print(len(r), r[:25], r[-5:], hash(r) == hash("".join(str(i % 10) for i in range(2000))))

def aliases():
    s = "ab"
    t = s
    s += "c"
    kept = [s]
    s += "d"
    d = {s: 1}
    s += "e"
    key = s
    s = s + "f"
    return t, kept, d, key, s

print(aliases())

def closure():
    s = "x"
    def get():
        return s
    s += "y"
    f = get
    s += "z"
    return f(), s

print(closure())

def interned():
    a = "name"
    a += "s"
    b = "name"
    return a, b, "name"

print(interned())

def hashes():
    s = "k"
    seen = {}
    for i in range(5):
        seen[s] = i
        s += "k"
    return seen

print(hashes())

def mixed(n):
    s = "é"
    for i in range(n):
        s += "ü" if i % 2 else "a"
    return s, len(s), s[3], s[-1]

print(mixed(7))

class S(str):
    pass

def subclass():
    s = S("sub")
    s += "x"
    return type(s).__name__, s

print(subclass())

def not_local():
    global G
    G += "!"
    return G

G = "g"
print(not_local(), not_local())

def other_order():
    s = "a"
    s = "b" + s
    s = s + s
    return s

print(other_order())
