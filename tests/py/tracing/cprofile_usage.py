# test: flags=-m cProfile -x
# An unknown option is a usage error (exit 2).
print("not reached")
