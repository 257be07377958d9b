# Hand-offs between threads that wait only microseconds (waiters spin before they sleep),
# mixed with waits that outlast any spin, tiny timeouts, and many waiters at once.
import queue
import threading
import time

ROUNDS = 5000


def lock_pingpong():
    a, b = threading.Lock(), threading.Lock()
    a.acquire()
    b.acquire()
    seen = []

    def other():
        for i in range(ROUNDS):
            a.acquire()
            seen.append(i)
            b.release()

    t = threading.Thread(target=other)
    t.start()
    for i in range(ROUNDS):
        a.release()
        b.acquire()
        assert seen[-1] == i
    t.join()
    print("lock ping-pong", len(seen), seen == list(range(ROUNDS)))


def event_pingpong():
    ping, pong = threading.Event(), threading.Event()
    count = [0, 0]

    def other():
        for _ in range(ROUNDS):
            ping.wait()
            ping.clear()
            count[1] += 1
            pong.set()

    t = threading.Thread(target=other)
    t.start()
    for _ in range(ROUNDS):
        count[0] += 1
        ping.set()
        pong.wait()
        pong.clear()
        assert count[0] == count[1]
    t.join()
    print("event ping-pong", count)


def condition_pingpong():
    cond = threading.Condition()
    turn = ["a"]
    log = []

    def player(me, other):
        for _ in range(ROUNDS // 5):
            with cond:
                cond.wait_for(lambda: turn[0] == me)
                log.append(me)
                turn[0] = other
                cond.notify()

    ts = [threading.Thread(target=player, args=p) for p in (("a", "b"), ("b", "a"))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("condition ping-pong", len(log), log[:4], all(log[i] != log[i + 1] for i in range(len(log) - 1)))


def queue_pingpong():
    there, back = queue.Queue(1), queue.Queue(1)

    def echo():
        while True:
            x = there.get()
            if x is None:
                return
            back.put(x * 2)

    t = threading.Thread(target=echo)
    t.start()
    total = 0
    for i in range(ROUNDS):
        there.put(i)
        total += back.get()
    there.put(None)
    t.join()
    print("queue ping-pong", total == ROUNDS * (ROUNDS - 1))


def start_join():
    out = []
    for i in range(300):
        t = threading.Thread(target=out.append, args=(i,))
        t.start()
        t.join()
        assert not t.is_alive()
    print("start+join", len(out), out == list(range(300)))


def tiny_timeouts():
    held = threading.Lock()
    held.acquire()
    t0 = time.monotonic()
    got = held.acquire(timeout=1e-5)
    print("lock timeout 10us", got, time.monotonic() - t0 >= 1e-5)
    t0 = time.monotonic()
    got = held.acquire(timeout=0.03)
    print("lock timeout 30ms", got, time.monotonic() - t0 >= 0.03)
    held.release()
    e = threading.Event()
    print("event timeout", e.wait(0.0001), e.wait(0.02))
    c = threading.Condition()
    with c:
        print("condition timeout", c.wait(0.0001), c.wait_for(lambda: False, 0.02))
    q = queue.Queue()
    try:
        q.get(timeout=0.0001)
    except queue.Empty:
        print("queue timeout Empty")


def long_waits():
    # Waits that outlast the spin: the waiter sleeps and is woken.
    lock = threading.Lock()
    lock.acquire()
    done = threading.Event()

    def later():
        time.sleep(0.03)
        lock.release()
        time.sleep(0.03)
        done.set()

    t = threading.Thread(target=later)
    t.start()
    print("late release", lock.acquire(timeout=5))
    print("late event", done.wait(5))
    t.join()


def many_waiters():
    # More waiters than CPUs: most sleep at once, every one is served.
    sem = threading.Semaphore(0)
    rlock = threading.RLock()
    got = []

    def waiter(i):
        sem.acquire()
        with rlock:
            with rlock:
                got.append(i)

    ts = [threading.Thread(target=waiter, args=(i,)) for i in range(32)]
    for t in ts:
        t.start()
    for _ in ts:
        sem.release()
    for t in ts:
        t.join()
    print("many waiters", sorted(got) == list(range(32)))


lock_pingpong()
event_pingpong()
condition_pingpong()
queue_pingpong()
start_join()
tiny_timeouts()
long_waits()
many_waiters()
