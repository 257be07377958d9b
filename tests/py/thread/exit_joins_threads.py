# At exit the interpreter waits for non-daemon threads but not for daemon threads.
import threading
import time

def late():
    time.sleep(0.05)
    print("non-daemon thread finished after main")

def forever():
    time.sleep(1000)
    print("never printed")

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=late).start()
print("main done")
