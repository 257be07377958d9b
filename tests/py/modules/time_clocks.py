# time.get_clock_info, clock_gettime[_ns], clock_getres and the CLOCK_* constants.
import time
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
for n in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    t(lambda: time.get_clock_info(n))
t(lambda: time.get_clock_info("x"))
t(lambda: time.get_clock_info(1))
t(lambda: [time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME, time.CLOCK_TAI])
t(lambda: time.clock_getres(time.CLOCK_MONOTONIC))
t(lambda: time.clock_gettime(time.CLOCK_MONOTONIC) > 0)
t(lambda: type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
t(lambda: time.clock_gettime(99))
t(lambda: time.clock_gettime("x"))
t(lambda: time.clock_getres(99))
