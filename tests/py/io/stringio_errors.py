# io.StringIO: argument errors, seek restrictions, closed and uninitialised objects.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


attempt("ctor bytes", lambda: io.StringIO(b"x"))
attempt("ctor int", lambda: io.StringIO(1))
attempt("newline int", lambda: io.StringIO("a", 1))
attempt("newline bad", lambda: io.StringIO("a", "x"))
attempt("newline double", lambda: io.StringIO("a", newline="\n\n"))
attempt("both bad", lambda: io.StringIO(b"x", 1))
attempt("both bad 2", lambda: io.StringIO(b"x", "q"))
attempt("bad keyword", lambda: io.StringIO(initial_value="a", foo=1))
attempt("three args", lambda: io.StringIO("a", "\n", 3))

s = io.StringIO("abc")
attempt("write bytes", lambda: s.write(b"x"))
attempt("write int", lambda: s.write(1))
attempt("write none", lambda: s.write())
attempt("write two", lambda: s.write("a", "b"))
attempt("seek str", lambda: s.seek("a"))
attempt("seek float", lambda: s.seek(1.0))
attempt("seek negative", lambda: s.seek(-1))
attempt("seek cur", lambda: s.seek(1, 1))
attempt("seek end", lambda: s.seek(1, 2))
attempt("seek end negative", lambda: s.seek(-1, 2))
attempt("seek whence 3", lambda: s.seek(0, 3))
attempt("seek whence str", lambda: s.seek(0, "a"))
attempt("seek big", lambda: s.seek(2**70))
attempt("seek big whence", lambda: s.seek(0, 2**70))
attempt("seek none", lambda: s.seek())
attempt("read str", lambda: s.read("a"))
attempt("read float", lambda: s.read(1.5))
attempt("read big", lambda: s.read(2**70))
attempt("read two", lambda: s.read(1, 2))
attempt("read kw", lambda: s.read(size=1))
attempt("readline str", lambda: s.readline("a"))
attempt("readlines str", lambda: s.readlines("a"))
attempt("readlines float", lambda: s.readlines(1.5))
attempt("truncate negative", lambda: s.truncate(-1))
attempt("truncate str", lambda: s.truncate("a"))
attempt("truncate float", lambda: s.truncate(1.5))
attempt("writelines int item", lambda: s.writelines([1]))
attempt("writelines int", lambda: s.writelines(1))
attempt("getvalue arg", lambda: s.getvalue(1))
attempt("fileno", lambda: s.fileno())
attempt("detach", lambda: s.detach())
attempt("descriptor", lambda: io.StringIO.write(1, "x"))

s.close()
for name in ["read", "readline", "readlines", "write", "getvalue", "seek", "tell", "truncate",
             "readable", "writable", "seekable", "isatty", "__iter__", "__next__", "__enter__",
             "flush", "close", "writelines"]:
    args = {"write": ("x",), "seek": (0,), "writelines": ([],)}.get(name, ())
    attempt("closed " + name, lambda: getattr(s, name)(*args))
for name in ["closed", "newlines", "line_buffering", "encoding", "errors"]:
    attempt("closed ." + name, lambda: getattr(s, name))
attempt("closed next()", lambda: next(s))
attempt("closed with", lambda: [None for _ in [0] if s.__enter__()])

u = io.StringIO.__new__(io.StringIO)
attempt("uninit read", lambda: u.read())
attempt("uninit write", lambda: u.write("x"))
attempt("uninit write bytes", lambda: u.write(b"x"))
attempt("uninit closed", lambda: u.closed)


class BadLines(io.StringIO):
    def readline(self, *args):
        return 5


attempt("bad readline", lambda: next(BadLines("x")))

with io.StringIO("data") as f:
    pass
try:
    with f:
        pass
except ValueError as e:
    print("reuse:", e)
