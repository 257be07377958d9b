# atexit runs the callbacks registered when the run starts, newest first, then forgets
# all of them: a callback that registers itself again runs once, not forever.
import atexit

n = 0
def again():
    global n
    n += 1
    print("again", n)
    atexit.register(again)

def adds():
    print("adds registers a new one")
    atexit.register(lambda: print("new one"))

atexit.register(again)
atexit.register(adds)
atexit._run_exitfuncs()
print("after manual run", atexit._ncallbacks())
atexit.register(again)
print("exit next")
