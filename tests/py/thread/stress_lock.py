# test: timeout=120
# 64 threads x 10,000 increments of a shared counter under one contended lock: the total
# must be exact, and a run must never deadlock. Switching often forces contention.
import sys
import threading

sys.setswitchinterval(0.0001)
lock = threading.Lock()
counter = [0]
N_THREADS, N_INCR = 64, 10_000


def work():
    for _ in range(N_INCR):
        with lock:
            counter[0] += 1


threads = [threading.Thread(target=work) for _ in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter[0], counter[0] == N_THREADS * N_INCR)

# The same with an RLock taken twice per increment.
rlock = threading.RLock()
total = [0]


def work_r():
    for _ in range(2_000):
        with rlock:
            with rlock:
                total[0] += 1


threads = [threading.Thread(target=work_r) for _ in range(32)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total[0])
