def fail():
    raise RuntimeError("from a -m module")


fail()
