def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
it.close()
print("closed")
it2 = g()
next(it2)
try:
    it2.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
def stubborn():
    ignored = 0
    while True:
        try:
            yield
        except GeneratorExit:
            if ignored:
                print("giving up")
                return
            ignored += 1
            print("ignoring exit")
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def fresh():
    yield 1
f = fresh()
f.close()
print(list(f))
try:
    fresh().throw(ValueError("unstarted"))
except ValueError as e:
    print("unstarted throw", e)
