# test: flags=-B
# -B sets sys.flags.dont_write_bytecode and sys.dont_write_bytecode; importing
# then writes no cache file.
import os
import sys
import importlib.util

print(sys.flags.dont_write_bytecode, sys.dont_write_bytecode)
root = '/tmp/gild_pyc_flag_B_%d' % os.getpid()
os.makedirs(root)
sys.path.insert(0, root)
with open(os.path.join(root, 'nocache_mod.py'), 'w') as f:
    f.write('print("imported")\n')
import nocache_mod
print(os.listdir(root))
os.remove(os.path.join(root, 'nocache_mod.py'))
os.rmdir(root)
