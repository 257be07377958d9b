values = [1, 2, 0, 4]
inverted = [10 // v for v in values]
