# _thread.interrupt_main() raises KeyboardInterrupt in the main thread, also while it
# waits on a lock or a join.
import _thread
import threading
import time

lock = threading.Lock()
lock.acquire()

def interrupter():
    time.sleep(0.05)
    _thread.interrupt_main()

t = threading.Thread(target=interrupter)
t.start()
try:
    lock.acquire(timeout=10)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting on a lock")
t.join()

t = threading.Thread(target=interrupter)
t.start()
try:
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt in a loop")
t.join()
