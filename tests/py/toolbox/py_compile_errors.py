# py_compile.compile: the cache path it returns, syntax errors printed or raised as
# PyCompileError, and a missing source file raising FileNotFoundError.
import os
import sys
import py_compile
import importlib.util

root = '/tmp/gild_py_compile_%d' % os.getpid()
os.makedirs(root)
os.chdir(root)
good = 'good.py'
bad = 'bad.py'
with open(good, 'w') as f:
    f.write('x = 1\n')
with open(bad, 'w') as f:
    f.write('def f(:\n    pass\n')
out = py_compile.compile(good)
print(out == importlib.util.cache_from_source(good), os.path.exists(out))
print(py_compile.compile(good, cfile='explicit.pyc'))
sys.stderr = sys.stdout
print(py_compile.compile(bad))
print(py_compile.compile(bad, quiet=2))
try:
    py_compile.compile(bad, doraise=True, dfile='shown.py')
except py_compile.PyCompileError as e:
    print(e.exc_type_name, e.file)
    print(str(e))
try:
    py_compile.compile('missing.py')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
print(importlib.util.cache_from_source('pkg/mod.py', optimization=2).replace(sys.implementation.cache_tag, 'TAG'))
print(importlib.util.source_from_cache(importlib.util.cache_from_source('/a/b/mod.py')))
for name in os.listdir('__pycache__'):
    os.remove(os.path.join('__pycache__', name))
os.rmdir('__pycache__')
for name in os.listdir('.'):
    os.remove(name)
os.chdir('/')
os.rmdir(root)
