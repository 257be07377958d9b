VALUE = 1
def check():
    raise RuntimeError("module failed during import")
check()
