def show(e):
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename, e.filename2)
for args in [(), ("x",), (2, "No such"), (2, "No such", "f"), (17, "Exists", "a", None, "b"), (1, 2, 3, 4, 5, 6), (999, "odd"), ("a", "b")]:
    show(OSError(*args))
show(FileNotFoundError(5, "hm"))
class My(OSError):
    def __init__(self, a):
        super().__init__(13, "denied", a)
show(My("zz"))
try:
    raise OSError(2, "No such file or directory", "x")
except FileNotFoundError as e:
    print("caught", e)
print(isinstance(OSError(13, "x"), PermissionError), type(OSError(1, "x")).__name__, type(IOError(4, "i")).__name__)
raise OSError(21, "Is a directory", "d")
