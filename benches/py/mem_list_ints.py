# Peak memory of a list of 1,000,000 ints.
xs = list(range(1000000))
ys = [i * 3 for i in range(1000000)]
print(len(xs) + len(ys), xs[-1] + ys[-1])
