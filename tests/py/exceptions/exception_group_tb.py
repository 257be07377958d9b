def a():
    raise ValueError("va")
def b():
    raise TypeError("tb")
excs = []
for fn in (a, b):
    try:
        fn()
    except Exception as e:
        excs.append(e)
raise ExceptionGroup("two problems", excs)
