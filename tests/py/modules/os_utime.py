# os.utime: times in seconds (int or float), in nanoseconds, or now; argument errors.
import os
import time

path = '/tmp/gild_os_utime_%d' % os.getpid()
with open(path, 'w') as f:
    f.write('x')
os.utime(path, (1_000_000_000, 1_200_000_000))
st = os.stat(path)
print(st.st_atime_ns, st.st_mtime_ns)
os.utime(path, (1.5, 2.25))
st = os.stat(path)
print(st.st_atime_ns, st.st_mtime_ns)
os.utime(path, ns=(123_456_789_012, 987_654_321_098))
st = os.stat(path)
print(st.st_atime_ns, st.st_mtime_ns)
d = os.open('/tmp', os.O_RDONLY)
os.utime(os.path.basename(path), ns=(5_000_000_000, 6_000_000_000), dir_fd=d)
os.close(d)
print(os.stat(path).st_mtime_ns)
os.utime(path, times=None)
print(abs(os.stat(path).st_mtime - time.time()) < 60)
for kwargs in [dict(times=(1, 2), ns=(1, 2)), dict(times=1), dict(times=(1, 2, 3)),
               dict(ns=(1, 2.0)), dict(ns=1), dict(times=(1, 'a')), dict(bogus=1)]:
    try:
        os.utime(path, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
os.remove(path)
try:
    os.utime(path)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
# Bad timestamps and fd/option combinations raise CPython's errors.
_path = '/tmp/gild_os_utime_bad_%d' % os.getpid()
open(_path, 'w').close()
_fd = os.open(_path, os.O_RDONLY)
for _kw in ({"follow_symlinks": False}, {"dir_fd": _fd}):
    try:
        os.utime(_fd, **_kw)
    except ValueError as e:
        print("ValueError", e)
os.close(_fd)
for _t in ((float("nan"), 1.0), (float("inf"), 1.0), (2**70, 1)):
    try:
        os.utime(_path, _t)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
os.remove(_path)
