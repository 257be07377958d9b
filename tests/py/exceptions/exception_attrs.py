e = KeyError("k")
print(str(e), repr(e), e.args)
print(str(KeyError()), repr(KeyError()))
print(repr(StopIteration(5).value), UnicodeError("u").args)
print(ImportError("m", name="mod").name, AttributeError("a").args)
x = ValueError()
x.custom = 1
print(x.custom, str(x) == "")
print(issubclass(KeyError, LookupError))
