# The threaded workload run under every GIL policy (policy_*.py): CPU-bound threads,
# a contended lock, a queue pipeline, sleeps and events. Output must not depend on the
# scheduling policy.
import queue
import sys
import threading
import time

sys.setswitchinterval(0.001)


def cpu(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


results = {}
lock = threading.Lock()
shared = [0]


def cpu_worker(k):
    r = cpu(20_000 + k)
    for _ in range(2_000):
        with lock:
            shared[0] += 1
    with lock:
        results[k] = r


threads = [threading.Thread(target=cpu_worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), shared[0])

stage1, stage2 = queue.Queue(4), queue.Queue()


def doubler():
    while (x := stage1.get()) is not None:
        stage2.put(x * 2)
    stage2.put(None)


t = threading.Thread(target=doubler)
t.start()
for i in range(50):
    stage1.put(i)
    if i % 10 == 0:
        time.sleep(0.001)
stage1.put(None)
out = []
while (y := stage2.get()) is not None:
    out.append(y)
t.join()
print(sum(out), len(out))

ev = threading.Event()
order = []


def sleeper():
    time.sleep(0.01)
    order.append("slept")
    ev.set()


t = threading.Thread(target=sleeper)
t.start()
spins = cpu(5_000)
ev.wait()
order.append("woken")
t.join()
print(order, spins)
