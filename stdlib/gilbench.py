"""gilbench: GIL behaviour measurements that run unchanged on gild and CPython.

    gild -m gilbench [--json] [--quick] [--policy NAME]
    python3 gilbench.py [--json] [--quick]

(a) CPU-bound work split over 2 and 4 threads vs the same work run sequentially;
(b) how late `time.sleep(0.001)` wakes up while N CPU-bound threads run (p50/p99);
(c) ping-pong round trips per second between two threads over Locks and over Events;
(d) thread start + join time;
(e) queue.Queue producer -> consumer items per second.
`benches/gilbench_compare.py` runs it under both interpreters and prints the ratios.
"""

import sys
import threading
import queue
import time

_clock = time.perf_counter


def _spin(n):
    x = 0
    for i in range(n):
        x += i & 7
    return x


def _calibrate(target=0.05):
    n = 10_000
    while True:
        t0 = _clock()
        _spin(n)
        dt = _clock() - t0
        if dt >= target / 4:
            return int(n * target / dt)
        n *= 2


def bench_cpu(threads, work):
    """(a) elapsed(threads running `work` each) / elapsed(`work` run `threads` times)."""
    t0 = _clock()
    for _ in range(threads):
        _spin(work)
    seq = _clock() - t0
    ts = [threading.Thread(target=_spin, args=(work,)) for _ in range(threads)]
    t0 = _clock()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    par = _clock() - t0
    return par / seq


def _percentile(values, p):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def bench_oversleep(cpu_threads, samples):
    """(b) oversleep of sleep(1 ms) in ms while `cpu_threads` spin: (p50, p99)."""
    stop = [False]

    def burn():
        while not stop[0]:
            _spin(1000)

    ts = [threading.Thread(target=burn) for _ in range(cpu_threads)]
    for t in ts:
        t.start()
    late = []
    for _ in range(samples):
        t0 = _clock()
        time.sleep(0.001)
        late.append((_clock() - t0 - 0.001) * 1000)
    stop[0] = True
    for t in ts:
        t.join()
    return _percentile(late, 50), _percentile(late, 99)


def bench_lock_pingpong(rounds):
    """(c) round trips/s: two threads hand the turn back and forth over two Locks."""
    a, b = threading.Lock(), threading.Lock()
    a.acquire()
    b.acquire()

    def other():
        for _ in range(rounds):
            a.acquire()
            b.release()

    t = threading.Thread(target=other)
    t.start()
    t0 = _clock()
    for _ in range(rounds):
        a.release()
        b.acquire()
    dt = _clock() - t0
    t.join()
    return rounds / dt


def bench_event_pingpong(rounds):
    """(c) round trips/s over two Events."""
    ping, pong = threading.Event(), threading.Event()

    def other():
        for _ in range(rounds):
            ping.wait()
            ping.clear()
            pong.set()

    t = threading.Thread(target=other)
    t.start()
    t0 = _clock()
    for _ in range(rounds):
        ping.set()
        pong.wait()
        pong.clear()
    dt = _clock() - t0
    t.join()
    return rounds / dt


def bench_start_join(n):
    """(d) microseconds per thread start + join."""
    def nothing():
        pass

    t0 = _clock()
    for _ in range(n):
        t = threading.Thread(target=nothing)
        t.start()
        t.join()
    return (_clock() - t0) / n * 1e6


def bench_queue(items):
    """(e) items/s through a queue.Queue from a producer to a consumer thread."""
    q = queue.Queue()

    def produce():
        put = q.put
        for i in range(items):
            put(i)
        put(None)

    t = threading.Thread(target=produce)
    t0 = _clock()
    t.start()
    get = q.get
    while get() is not None:
        pass
    dt = _clock() - t0
    t.join()
    return items / dt


def run(quick=False):
    scale = 0.3 if quick else 1.0
    work = _calibrate(0.25 * scale)
    r = {}
    r["a_cpu_2threads_slowdown"] = bench_cpu(2, work)
    r["a_cpu_4threads_slowdown"] = bench_cpu(4, work)
    n = max(20, int(200 * scale))
    r["b_oversleep_n1_p50_ms"], r["b_oversleep_n1_p99_ms"] = bench_oversleep(1, n)
    r["b_oversleep_n4_p50_ms"], r["b_oversleep_n4_p99_ms"] = bench_oversleep(4, n)
    r["c_lock_pingpong_per_s"] = bench_lock_pingpong(int(20_000 * scale))
    r["c_event_pingpong_per_s"] = bench_event_pingpong(int(20_000 * scale))
    r["d_thread_start_join_us"] = bench_start_join(int(1_000 * scale))
    r["e_queue_items_per_s"] = bench_queue(int(200_000 * scale))
    return r


def interpreter():
    impl = sys.implementation.name
    try:
        import _gil
        return "%s (policy %s)" % (impl, _gil.get_policy())
    except ImportError:
        return "%s %d.%d.%d" % ((impl,) + tuple(sys.version_info[:3]))


def table(name, r):
    lines = ["gilbench on " + name]
    for k, v in r.items():
        lines.append("  %-28s %14.3f" % (k, v))
    return "\n".join(lines)


def main(argv):
    quick = "--quick" in argv
    if "--policy" in argv:
        import _gil
        _gil.set_policy(argv[argv.index("--policy") + 1])
    r = run(quick)
    if "--json" in argv:
        print("{" + ", ".join('"%s": %r' % (k, v) for k, v in r.items()) + ', "interpreter": "%s"}' % interpreter())
    else:
        print(table(interpreter(), r))


if __name__ == "__main__":
    main(sys.argv[1:])
