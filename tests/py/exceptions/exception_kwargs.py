# Keyword arguments to builtin exceptions: BaseException.__init__ refuses them (naming the
# instance's class), NameError/AttributeError/ImportError take their own keyword fields.
def attempt(f):
    try:
        r = f()
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("ok", repr(r), r.args)

attempt(lambda: ValueError("x", a=1))
attempt(lambda: StopIteration(a=1))
attempt(lambda: SystemExit(1, code=2))
attempt(lambda: KeyError(a=1))
attempt(lambda: OSError(2, "x", a=1))
attempt(lambda: SyntaxError("m", a=1))
class Mine(Exception):
    pass
attempt(lambda: Mine(a=1))
class WithInit(Exception):
    def __init__(self, a, b=1):
        super().__init__(a)
        self.b = b
attempt(lambda: WithInit(1, b=2))
class PassesKw(Exception):
    def __init__(self, **kw):
        super().__init__(**kw)
attempt(lambda: PassesKw(z=1))
class MyOS(OSError):
    def __init__(self, *a, **kw):
        super().__init__(*a)
attempt(lambda: MyOS(2, "x", extra=1))

attempt(lambda: NameError("x", foo=1))
attempt(lambda: AttributeError("x", bar=1))
attempt(lambda: ImportError("x", baz=1))
e = NameError("msg", name="nm")
print(e.name, e.args, str(e))
e = AttributeError("msg", name="nm", obj=[1])
print(e.name, e.obj, e.args)
print(NameError().name, AttributeError().name, AttributeError().obj)
print(ImportError().name, ImportError().path, ImportError().msg)
e = ImportError("a", "b", name="n", path="p")
print(e.msg, e.name, e.path, e.args, str(e))
print(StopIteration().value, SystemExit().code)
try:
    undefined_name
except NameError as e:
    print("raised:", e.name)
try:
    (1).nope
except AttributeError as e:
    print("raised:", e.name, e.obj)
