def numbers():
    yield 1
    yield int("two")
for n in numbers():
    print(n)
