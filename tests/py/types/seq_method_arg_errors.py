# Argument errors of list/tuple index and str.maketrans, in CPython's order and words.
def show(src):
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ":", e)

for src in [
    "[1].index(1, 'a')", "[1].index(1, None)", "[1].index(1, 0, 'b')", "[1, 2, 1].index(1, -1)",
    "(1,).index(1, 'a')", "(1, 2, 1).index(1, 1)", "[1].index(1, 0, 10**30)", "[1].index(1, -10**30)",
    "str.maketrans(1, 'a')", "str.maketrans('a', 1)", "str.maketrans(1, 2, 3)", "str.maketrans('a', 'b', 1)",
    "str.maketrans(1, 'a', 'b')", "str.maketrans('ab', 'cd', 'e')", "str.maketrans('a', 'bc')",
]:
    show(src)
