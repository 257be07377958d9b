# test: flags=-z
