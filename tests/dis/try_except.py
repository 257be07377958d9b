def f():
    try:
        a()
    except ValueError as e:
        b(e)
    except (TypeError, KeyError):
        c()
    except:
        raise
    else:
        d()


def g():
    try:
        return a()
    finally:
        b()


def h():
    for i in x:
        try:
            continue
        finally:
            break
