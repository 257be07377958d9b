# A file object still open at exit is flushed by interpreter finalisation.
out = open(1, "w", closefd=False)
out.write("written through fd 1, flushed at exit\n")
print(repr(out), out.closed)
print("printed first")
