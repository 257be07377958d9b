import os
import os.path
import posixpath
import sys

print(os.path is posixpath, sys.modules["os.path"] is os.path, os.name, os.sep, os.linesep == "\n")
print(isinstance(os.getpid(), int), os.getpid() > 0, isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
print(len(os.urandom(16)), type(os.urandom(0)).__name__, os.fspath("a"), os.fspath(b"b"), os.strerror(13))

base = "/tmp/gild_os_test_" + str(os.getpid())
os.mkdir(base)
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, os.listdir("."), os.listdir())
os.makedirs("a/b/c")
os.makedirs("a/b/c", exist_ok=True)
try:
    os.makedirs("a/b")
except FileExistsError as e:
    print("FileExistsError", e, e.errno, e.filename)
with open("a/f.txt", "w") as f:
    f.write("hello")
st = os.stat("a/f.txt")
print(st.st_size, st[6], len(st), type(st).__name__, type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8])
print(os.path.getsize("a/f.txt"), os.path.isfile("a/f.txt"), os.path.isdir("a"), os.path.exists("nope"), os.path.isdir("a/f.txt"))
print(st.st_mode & 0o170000 == 0o100000, os.stat("a").st_mode & 0o170000 == 0o040000, isinstance(os.path.getmtime("a/f.txt"), float))
print(sorted(os.listdir("a")), sorted(os.listdir(b"a")))
os.rename("a/f.txt", "a/g.txt")
print(sorted(os.listdir("a")))
os.replace("a/g.txt", "a/h.txt")
os.symlink("h.txt", "a/link")
print(os.path.islink("a/link"), os.readlink("a/link"), os.path.realpath("a/link") == os.path.join(base, "a/h.txt"), os.path.lexists("a/link"))
os.remove("a/link")
os.unlink("a/h.txt")
for bad in [lambda: os.remove("a"), lambda: os.rmdir("a"), lambda: os.rmdir("zz"), lambda: os.rename("zz", "yy"), lambda: os.mkdir("a"), lambda: os.chdir("zz"), lambda: os.listdir("zz"), lambda: os.stat("zz"), lambda: open("zz"), lambda: os.mkdir("x/y")]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno, repr(e.strerror), e.filename, e.filename2, "|", e)
os.rmdir("a/b/c")
os.rmdir("a/b")
os.rmdir("a")
print(os.listdir("."))
fd = os.open("raw.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abc\n"), os.write(fd, b"xyz"))
os.close(fd)
fd = os.open("raw.bin", os.O_RDONLY)
print(os.read(fd, 2), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 5), os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e)
os.remove("raw.bin")
os.chdir(old)
os.rmdir(base)
print(os.path.exists(base), os.getcwd() == old)

# environ
os.environ["GILD_TEST_VAR"] = "v1"
print(os.environ["GILD_TEST_VAR"], os.getenv("GILD_TEST_VAR"), os.environ.get("GILD_TEST_VAR"), "GILD_TEST_VAR" in os.environ)
print(os.getenv("GILD_NOPE"), os.getenv("GILD_NOPE", "dflt"), os.environ.get("GILD_NOPE", 5), "GILD_NOPE" in os.environ)
print(os.environ.setdefault("GILD_TEST_2", "two"), os.environ.pop("GILD_TEST_2"), os.environ.pop("GILD_TEST_2", "gone"))
os.environ.update({"GILD_U1": "1"}, GILD_U2="2")
print(os.environ["GILD_U1"], os.environ["GILD_U2"], isinstance(os.environ.copy(), dict), len(os.environ) == len(list(os.environ)))
del os.environ["GILD_U1"]
print("GILD_U1" in os.environ, "GILD_TEST_VAR" in dict(os.environ.items()), "GILD_TEST_VAR" in os.environ.keys())
os.putenv("GILD_PUT", "p")
print(os.getenv("GILD_PUT"))
for bad in [lambda: os.environ["GILD_NOPE"], lambda: os.environ.__setitem__("X", 1), lambda: os.getenv(1), lambda: os.environ.pop("GILD_NOPE"), lambda: os.fspath(1)]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


check("os.stat('nope')", lambda: (os.stat('nope')))
check('os.stat([])', lambda: (os.stat([])))
check('os.stat(None)', lambda: (os.stat(None)))
check("os.stat('a\\0b')", lambda: (os.stat('a\0b')))
check('os.listdir([])', lambda: (os.listdir([])))
check("os.listdir('nope')", lambda: (os.listdir('nope')))
check('os.mkdir(1.5)', lambda: (os.mkdir(1.5)))
check("os.mkdir('.')", lambda: (os.mkdir('.')))
check("os.rmdir('nope')", lambda: (os.rmdir('nope')))
check("os.remove('.')", lambda: (os.remove('.')))
check("os.rename('nope', 'b')", lambda: (os.rename('nope', 'b')))
check("os.chdir('nope')", lambda: (os.chdir('nope')))
check('os.getenv(1)', lambda: (os.getenv(1)))
check('os.fspath(1)', lambda: (os.fspath(1)))
check('os.path.join(1)', lambda: (os.path.join(1)))
check("os.path.join('a', 1)", lambda: (os.path.join('a', 1)))
check("os.path.join('a', b'b')", lambda: (os.path.join('a', b'b')))
check("os.path.join(b'a', 'b')", lambda: (os.path.join(b'a', 'b')))
check('os.path.exists(1.5)', lambda: (os.path.exists(1.5)))
check('os.path.basename(1)', lambda: (os.path.basename(1)))
check('os.path.split(None)', lambda: (os.path.split(None)))
check("os.path.getsize('nope')", lambda: (os.path.getsize('nope')))
check('os.urandom(-1)', lambda: (os.urandom(-1)))
check("os.urandom('a')", lambda: (os.urandom('a')))
check("os.environ['NOPE_X']", lambda: (os.environ['NOPE_X']))
check("os.putenv('a', 1)", lambda: (os.putenv('a', 1)))
check("os.makedirs('.')", lambda: (os.makedirs('.')))
check("os.listdir(b'.')[:0]", lambda: (os.listdir(b'.')[:0]))
check('os.sep, os.altsep, os.extsep, os.pathsep, os.linesep, os.curdir, os.pardir, os.devnull, os.name', lambda: (os.sep, os.altsep, os.extsep, os.pathsep, os.linesep, os.curdir, os.pardir, os.devnull, os.name))
check('type(os.environ).__name__', lambda: (type(os.environ).__name__))
check('os.path.__name__', lambda: (os.path.__name__))
check('os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields', lambda: (os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields))
check('os.strerror(2)', lambda: (os.strerror(2)))
check("os.access('.', os.R_OK)", lambda: (os.access('.', os.R_OK)))
check("os.environ.get('NOPE_X', 'dflt')", lambda: (os.environ.get('NOPE_X', 'dflt')))
check("os.path.exists('a\\0b')", lambda: (os.path.exists('a\0b')))
check('os.path.isdir(None)', lambda: (os.path.isdir(None)))
check('os.stat(-5)', lambda: (os.stat(-5)))
check("os.mkdir('x/y/z')", lambda: (os.mkdir('x/y/z')))
check("os.rmdir('.')", lambda: (os.rmdir('.')))
check("os.unlink('')", lambda: (os.unlink('')))
check("os.stat('')", lambda: (os.stat('')))
check("os.listdir('')", lambda: (os.listdir('')))
check("os.environ.setdefault('A', 1)", lambda: (os.environ.setdefault('A', 1)))
check("os.rename('a')", lambda: (os.rename('a')))
check('os.remove()', lambda: (os.remove()))
check("os.stat(path='.')[:0]", lambda: (os.stat(path='.')[:0]))
