# SIGINT sent to the process with os.kill is handled as the call returns: the traceback
# points at the kill, exit status 130.
import os, signal
os.kill(os.getpid(), signal.SIGINT)
print("not reached")
