def run(excs):
    try:
        raise ExceptionGroup("eg", excs)
    except* ValueError as g:
        print("values:", repr(g))
    except* TypeError as g:
        print("types:", repr(g))
run([ValueError(1), TypeError(2), ValueError(3)])
run([TypeError("only")])
try:
    run([KeyError("k"), ValueError(0)])
except ExceptionGroup as e:
    print("left:", repr(e))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("wrapped:", repr(g))
