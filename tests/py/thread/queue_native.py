# queue.Queue's native put/get (`_queue`): argument errors, Full/Empty, timeouts, maxsize,
# task_done/join, reading and replacing `queue.queue`, subclass hooks, and the mutex and
# conditions used from Python alongside the native path.
import queue
import threading
import time

print(queue.Empty, queue.Full, queue.Empty.__module__, issubclass(queue.Full, Exception))
q = queue.Queue()
for call in (lambda: q.put(), lambda: q.put(1, True, None, 4), lambda: q.put(1, bloc=True),
             lambda: q.put(1, True, timeout=1, block=False), lambda: q.get(1, 2, 3),
             lambda: q.get(tm=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
for args in ((False,), (True, 0), (True, 0.01), (True, -1), (True, "x")):
    try:
        q.get(*args)
    except queue.Empty as e:
        print(args, "Empty", repr(e))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
q.put(1, timeout=-5)          # unbounded: the timeout is never looked at
q.put(2, block=False)
q.put_nowait(3)
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks, q.get(), q.get_nowait(), q.get(timeout=1))

b = queue.Queue(2)
b.put("a")
b.put("b")
print(b.full(), b.qsize())
for args in ((False,), (True, 0.01), (True, -1), (True, "x")):
    try:
        b.put("c", *args)
    except queue.Full as e:
        print(args, "Full", repr(e))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)

# A blocked put proceeds once a get makes room.
t = threading.Thread(target=lambda: b.put("c"))
t.start()
time.sleep(0.05)
print(b.get(), t.is_alive())
t.join()
print(list(b.queue), type(b.queue).__name__)

# queue.queue becomes a real deque; the queue keeps working through it.
print(b.get(), list(b.queue))
b.put("d")
with b.mutex:
    print(list(b.queue), len(b.queue))
    b.queue.clear()
print(b.qsize(), b.empty())
b.queue = __import__("collections").deque(["x", "y"])
print(b.get(), b.qsize())

# task_done / join
j = queue.Queue()
done = []


def worker():
    while True:
        item = j.get()
        if item is None:
            j.task_done()
            return
        done.append(item * 2)
        j.task_done()


ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for i in range(30):
    j.put(i)
j.join()
print(sorted(done) == [i * 2 for i in range(30)], j.unfinished_tasks)
for w in ws:
    j.put(None)
for w in ws:
    w.join()
try:
    j.task_done()
except ValueError as e:
    print("ValueError:", e)


class Stack(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


s = Stack()
for i in range(4):
    s.put(i)
print([s.get() for _ in range(4)], s.queue)
lq, pq = queue.LifoQueue(), queue.PriorityQueue()
for v in (3, 1, 2):
    lq.put(v)
    pq.put(v)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

# A Python-level waiter on not_empty is woken by the native put (reading `q.queue` moves
# the items to a deque first).
got = []


def cond_waiter():
    with q.not_empty:
        while not len(q.queue):
            q.not_empty.wait(5)
        got.append(len(q.queue))


t = threading.Thread(target=cond_waiter)
t.start()
time.sleep(0.05)
q.put("z")
t.join()
print(got, q.get())
