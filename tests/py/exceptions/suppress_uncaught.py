try:
    1 / 0
except ZeroDivisionError:
    raise KeyError("k") from None
