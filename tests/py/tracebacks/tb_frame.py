# A traceback entry's frame exposes its code, globals and line.
import sys

def fail():
    raise ValueError("x")

try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        f = tb.tb_frame
        frames.append((f.f_code.co_name, tb.tb_lineno, f.f_globals is globals(), type(f).__name__))
        tb = tb.tb_next
    print(frames)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_frame.f_locals is globals())
