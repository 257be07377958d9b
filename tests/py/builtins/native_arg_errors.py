# Argument-count errors of native functions keep CPython's messages (gild checks the
# common call shape first and builds the qualified name only for errors).
import math

calls = [
    lambda: math.sqrt(),
    lambda: math.sqrt(1, 2),
    lambda: math.sqrt(x=4),
    lambda: math.pow(2),
    lambda: math.pow(2, 3, 4),
    lambda: math.copysign(x=1, y=2),
    lambda: {}.keys(1),
    lambda: {}.items(k=1),
    lambda: "12".isdigit(3),
    lambda: "ab".upper(1),
    lambda: (1).__neg__(2),
]
for c in calls:
    try:
        print("ok", c())
    except TypeError as e:
        print("TypeError:", e)
print(math.sqrt(16), math.pow(2, 10), math.copysign(3, -1), sorted({"a": 1}.items()), "12".isdigit(), "ab".upper(), (1).__neg__())
for c in (lambda: (1).__neg__(x=1), lambda: (1).__neg__(1, 2), lambda: [].__len__(1), lambda: "a".__hash__(1)):
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
