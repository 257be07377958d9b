# Hash-based cache files (PEP 552, py_compile's invalidation modes): a checked one
# notices a change the timestamp would miss and stays hash-based when rewritten; an
# unchecked one is used whatever the source says; a timestamp one trusts mtime + size.
import os
import sys
import py_compile
import importlib.util

sys.dont_write_bytecode = False
root = '/tmp/gild_pyc_hash_%d' % os.getpid()
os.makedirs(root)
sys.path.insert(0, root)
src = os.path.join(root, 'hashed_mod.py')
cfile = importlib.util.cache_from_source(src)


def write_source(value):
    # Same size every time, and the same modification time: only the text changes.
    with open(src, 'w') as f:
        f.write('VALUE = %d\n' % value)
    os.utime(src, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def fresh_import():
    sys.modules.pop('hashed_mod', None)
    import hashed_mod
    return hashed_mod.VALUE


mode = py_compile.PycInvalidationMode
write_source(1)
py_compile.compile(src, invalidation_mode=mode.CHECKED_HASH)
print('checked, same source:', fresh_import())
write_source(2)
print('checked, changed source:', fresh_import())
# The rewritten file must still be checked by hash (a timestamp one would give 2).
write_source(3)
print('checked again:', fresh_import())

write_source(4)
py_compile.compile(src, invalidation_mode=mode.UNCHECKED_HASH)
write_source(5)
print('unchecked, changed source:', fresh_import())
print('unchecked again:', fresh_import())

write_source(6)
py_compile.compile(src, invalidation_mode=mode.TIMESTAMP)
write_source(7)
print('timestamp, same mtime and size:', fresh_import())

for name in os.listdir(os.path.join(root, '__pycache__')):
    os.remove(os.path.join(root, '__pycache__', name))
os.rmdir(os.path.join(root, '__pycache__'))
os.remove(src)
os.rmdir(root)
print('done')
