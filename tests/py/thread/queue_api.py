# queue: Queue/LifoQueue/PriorityQueue/SimpleQueue methods, Empty/Full, timeouts, errors.
import queue
import threading


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))


q = queue.Queue(maxsize=2)
print(q.empty(), q.full(), q.qsize(), q.maxsize)
q.put(1)
q.put_nowait(2)
print(q.full(), q.qsize())
show(lambda: q.put(3, block=False))
show(lambda: q.put(3, timeout=0.01))
show(lambda: q.put(3, timeout=-1))
print(q.get(), q.get_nowait())
show(q.get_nowait)
show(lambda: q.get(timeout=0.01))
show(lambda: q.get(timeout=-1))
q.task_done()
q.task_done()
show(q.task_done)
q.join()
print("joined")

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(8)])
print([pq.get()[1] for _ in range(8)])

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
sq.put_nowait("x")
print(sq.qsize(), [sq.get() for _ in range(3)], sq.get_nowait())
show(sq.get_nowait)
show(lambda: sq.get(timeout=0.01))
show(lambda: sq.get(timeout=-1))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# A blocked get is woken by a put from another thread; join waits for task_done.
q = queue.Queue()
out = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        out.append(item * 10)
        q.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
q.join()
t.join()
print(out, q.unfinished_tasks)


class Custom(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item * 2)

    def _get(self):
        return self.queue.pop(0)


c = Custom()
c.put(21)
print(c.get())
