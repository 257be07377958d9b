x = 1
def helper():
    return x / 0
helper()
