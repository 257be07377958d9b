# __del__ runs exactly once per object, when the last reference goes; files opened without
# `with` are closed when dropped.
import os, sys

class Tracked:
    count = 0
    def __init__(self, name):
        self.name = name
    def __del__(self):
        Tracked.count += 1
        print('__del__', self.name)

t = Tracked('a')
u = t
del t
print('still referenced')
del u
print('count', Tracked.count)

def scope():
    local = Tracked('local')
    return 'returned'
print(scope())

lst = [Tracked('in list')]
lst.pop()
print('after pop')

holder = []
class Revive:
    def __del__(self):
        print('Revive.__del__')
        holder.append(self)
r = Revive()
del r
print('revived', len(holder))
holder.clear()
print('dropped again (no second __del__)')

path = 'del_once_tmp.txt'
f = open(path, 'w')
f.write('written without close')
del f
with open(path) as g:
    print(g.read())
os.remove(path)
print('refcount of fresh object', sys.getrefcount(Tracked('x')))
print('end')
