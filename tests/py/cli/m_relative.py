# test: flags=-m .relative
