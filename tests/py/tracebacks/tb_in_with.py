class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
with CM():
    x = 1
    raise KeyError("inside with")
