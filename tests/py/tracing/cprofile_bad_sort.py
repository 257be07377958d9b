# test: flags=-m cProfile -s bogus
# An unknown sort key is a usage error (exit 2), before the script runs.
print("not reached")
