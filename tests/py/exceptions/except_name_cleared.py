try:
    raise ValueError("x")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(e)
e = "outer"
try:
    1/0
except ZeroDivisionError as e:
    pass
print("e" in dir())
