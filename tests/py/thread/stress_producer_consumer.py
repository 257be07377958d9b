# test: timeout=120
# Many producers and consumers over queue.Queue (bounded) and over a Condition-guarded
# list: every item is consumed exactly once, task_done/join balance, no deadlock.
import queue
import sys
import threading

sys.setswitchinterval(0.0002)
PRODUCERS, CONSUMERS, PER = 8, 8, 2_000
q = queue.Queue(maxsize=16)
got = []
got_lock = threading.Lock()


def produce(base):
    for i in range(PER):
        q.put(base * PER + i)


def consume():
    local = []
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        local.append(item)
        q.task_done()
    with got_lock:
        got.extend(local)


consumers = [threading.Thread(target=consume) for _ in range(CONSUMERS)]
producers = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(len(got), sorted(got) == list(range(PRODUCERS * PER)), q.empty(), q.unfinished_tasks)

# Condition-based bounded buffer.
cond = threading.Condition()
buf = []
consumed = []
done = [False]


def cproduce(base):
    for i in range(500):
        with cond:
            cond.wait_for(lambda: len(buf) < 8)
            buf.append(base * 500 + i)
            cond.notify_all()


def cconsume():
    while True:
        with cond:
            cond.wait_for(lambda: buf or done[0])
            if not buf:
                return
            consumed.append(buf.pop(0))
            cond.notify_all()


cs = [threading.Thread(target=cconsume) for _ in range(6)]
ps = [threading.Thread(target=cproduce, args=(p,)) for p in range(6)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
with cond:
    done[0] = True
    cond.notify_all()
for t in cs:
    t.join()
print(len(consumed), sorted(consumed) == list(range(3000)))
