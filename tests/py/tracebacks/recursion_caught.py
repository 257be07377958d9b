import sys
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("caught", e)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
print(count(0) < 100)
