print("loading _counter")
hits = 1
