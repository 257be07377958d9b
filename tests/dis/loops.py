def f(xs):
    for x in xs:
        if x:
            continue
        elif x > 3:
            break
        g(x)
    else:
        h()
    while xs:
        xs.pop()
    while True:
        if k():
            break
    return xs
