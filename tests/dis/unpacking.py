a, b = b, a
a, *b, c = x
[a, (b, c)] = y
x = y = z = 0
x += 1
o.attr -= 2
o[k] *= 3
