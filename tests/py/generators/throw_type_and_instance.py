# gen.throw(type, value): an instance of `type` is thrown as is; a tuple is the args
def g():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, repr(e), e.args)

it = g(); next(it)
it.throw(KeyError, KeyError("k"))
it.throw(ValueError, ("a", 2))
it.throw(ValueError, "plain")
class Sub(KeyError):
    pass
it.throw(KeyError, Sub("s"))
