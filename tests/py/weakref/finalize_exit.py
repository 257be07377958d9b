# finalize objects still alive at exit run then, newest first (unless atexit is False).
import weakref

class Res:
    pass

def report(tag):
    print('finalize', tag)

keep = [Res() for _ in range(3)]
for i, r in enumerate(keep):
    weakref.finalize(r, report, i)
f = weakref.finalize(keep[0], report, 'not at exit')
f.atexit = False
print(f.alive, f.atexit)
tmp = Res()
weakref.finalize(tmp, report, 'dropped early')
del tmp
print('end of script')
