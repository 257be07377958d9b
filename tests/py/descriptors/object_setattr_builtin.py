try:
    (1).x = 2
except AttributeError as e:
    print(e)
try:
    "s".upper = 1
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
try:
    [].nope
except AttributeError as e:
    print(e)
try:
    int.nope
except AttributeError as e:
    print(e)
