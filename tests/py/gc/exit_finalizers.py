# Objects reachable only through functions (defaults, closures) of a module
# are finalized when the interpreter clears its modules at exit, after the code objects
# that referred to them are gone.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self, write=sys.stdout.write):
        write("del %s\n" % self.name)

def with_default(x=Noisy("default")):
    return x

def make_closure():
    held = Noisy("closure")
    def inner():
        return held
    return inner

closure = make_closure()

compiled = compile("def f(): return 1", "<dyn>", "exec")
print("main done", with_default().name, closure().name)
