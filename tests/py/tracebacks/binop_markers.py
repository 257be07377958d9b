a = 1
b = "x"
c = [a, b]
total = c[0] + c[1] * 2
