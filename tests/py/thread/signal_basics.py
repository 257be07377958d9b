# signal basics: getsignal/signal with Python handlers, SIG_IGN/SIG_DFL, default_int_handler,
# alarm interrupting a sleep, raise_signal, handlers only from the main thread, errors.
import signal
import threading
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.SIGINT == 2, signal.SIGALRM == 14, signal.SIGTERM == 15, signal.NSIG)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

got = []


def handler(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)

signal.signal(signal.SIGALRM, handler)
signal.alarm(1)
t0 = time.monotonic()
time.sleep(0.01)
print(signal.alarm(0) in (0, 1))


def on_alarm(signum, frame):
    raise TimeoutError("alarm")


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
try:
    time.sleep(5)
except TimeoutError as e:
    print("sleep interrupted:", e)

# A handler raising KeyboardInterrupt interrupts a lock wait in the main thread.
signal.signal(signal.SIGINT, signal.default_int_handler)
lock = threading.Lock()
lock.acquire()
t = threading.Timer(0.05, signal.raise_signal, args=[signal.SIGINT])
t.start()
try:
    lock.acquire(timeout=5)
except KeyboardInterrupt:
    print("KeyboardInterrupt during acquire")
t.join()

errors = []


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=from_thread)
t.start()
t.join()
print(errors)
for args in [(0, handler), (signal.SIGUSR1, 5), (1000, signal.SIG_DFL)]:
    try:
        signal.signal(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print("ignored", signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN, got)
