# Peak memory of a dict of 1,000,000 entries.
d = {}
for i in range(1000000):
    d[i] = i + 1
print(len(d), d[999999])
