# Imported modules are cached as .pyc files; stale, truncated and garbage cache
# files are ignored and rewritten, and sys.dont_write_bytecode stops the writing.
import os
import sys
import importlib.util

sys.dont_write_bytecode = False
root = '/tmp/gild_pyc_cache_%d' % os.getpid()
os.makedirs(root)
sys.path.insert(0, root)
src = os.path.join(root, 'cached_mod.py')
cfile = importlib.util.cache_from_source(src)
print(os.path.basename(os.path.dirname(cfile)))
print(os.path.basename(cfile).startswith('cached_mod.' + sys.implementation.cache_tag))


def write_source(text):
    with open(src, 'w') as f:
        f.write(text)


def fresh_import():
    sys.modules.pop('cached_mod', None)
    import cached_mod
    return cached_mod


def cache_bytes():
    with open(cfile, 'rb') as f:
        return f.read()


write_source('VALUE = 1\nprint("running cached_mod", VALUE)\n')
print(os.path.exists(cfile))
m = fresh_import()
print('written:', os.path.exists(cfile))
good = cache_bytes()
m = fresh_import()
print('value from cache:', m.VALUE)
print('unchanged:', cache_bytes() == good)

for name, damaged in [('garbage', b'this is not a pyc file at all, not even close'),
                      ('empty', b''),
                      ('truncated header', good[:6])]:
    with open(cfile, 'wb') as f:
        f.write(damaged)
    m = fresh_import()
    print(name, '-> value', m.VALUE, 'rewritten:', cache_bytes() == good)

# A changed source (different size) makes the cache stale.
write_source('VALUE = 22\nprint("running cached_mod", VALUE)\n')
m = fresh_import()
print('stale -> value', m.VALUE, 'rewritten:', cache_bytes() != good)
good2 = cache_bytes()
m = fresh_import()
print('value', m.VALUE, 'cache kept:', cache_bytes() == good2)

# sys.dont_write_bytecode: the cache is neither written nor updated.
sys.dont_write_bytecode = True
os.remove(cfile)
m = fresh_import()
print('dont_write_bytecode -> exists:', os.path.exists(cfile))

for name in os.listdir(os.path.join(root, '__pycache__')):
    os.remove(os.path.join(root, '__pycache__', name))
os.rmdir(os.path.join(root, '__pycache__'))
os.remove(src)
os.rmdir(root)
print('done')
