"""The observable GIL (gild only): counters, scheduling policy and event traces.

    import gil
    gil.stats()                 # {'policy', 'switch_interval', 'total', 'threads': [...]}
    with gil.measure() as m:    # counter deltas over a block
        work()
    print(m.delta['forced_releases'])
    gil.set_policy('fifo')      # interval, interval-noforce, ticks, fifo, io-priority
    with gil.trace('trace.json'):   # Chrome trace-event JSON (open in Perfetto)
        work()

Command line: `-X gil-policy=NAME`, `-X gil-trace=FILE`, `-X gil-stats`; render a trace
with `gild -m gil.report trace.json -o report.html`.
"""

import sys
import _gil

__all__ = ['stats', 'reset', 'measure', 'policy', 'set_policy', 'policies',
           'trace', 'start_trace', 'stop_trace', 'write_trace', 'summary', 'COUNTERS']

#: The scalar counters kept for every thread (also summed in `stats()['total']`).
COUNTERS = ('acquisitions', 'contended_acquisitions', 'reacquisitions',
            'voluntary_releases', 'forced_releases', 'drop_requests',
            'wait_ns', 'hold_ns', 'latency_ns', 'latency_count', 'latency_max_ns')

reset = _gil.reset
policies = _gil.policies
policy = _gil.get_policy
set_policy = _gil.set_policy
start_trace = _gil.start_trace
stop_trace = _gil.stop_trace
summary = _gil.summary


def _totals(threads):
    total = dict.fromkeys(COUNTERS, 0)
    total['wait_hist'] = [0] * _gil.BUCKETS
    total['hold_hist'] = [0] * _gil.BUCKETS
    for t in threads:
        for k in COUNTERS:
            if k == 'latency_max_ns':
                total[k] = max(total[k], t[k])
            else:
                total[k] += t[k]
        for k in ('wait_hist', 'hold_hist'):
            total[k] = [a + b for a, b in zip(total[k], t[k])]
    return total


def stats():
    """Every thread's counters and their total, with the policy and switch interval.
    Histograms have log2 buckets of nanoseconds: bucket b counts durations in
    [2**(b-1), 2**b) ns."""
    threads = _gil.stats()
    return {
        'policy': _gil.get_policy(),
        'switch_interval': sys.getswitchinterval(),
        'waiting_now': _gil.waiting(),
        'total': _totals(threads),
        'threads': threads,
    }


class measure:
    """Context manager: `delta` holds the change of the total counters over the block
    (`latency_max_ns` is the maximum over the whole run, not a difference)."""

    def __init__(self):
        self.delta = None
        self._before = None

    def __enter__(self):
        self._before = _totals(_gil.stats())
        return self

    def __exit__(self, *exc):
        after = _totals(_gil.stats())
        delta = {}
        for k in COUNTERS:
            delta[k] = after[k] if k == 'latency_max_ns' else after[k] - self._before[k]
        for k in ('wait_hist', 'hold_hist'):
            delta[k] = [a - b for a, b in zip(after[k], self._before[k])]
        self.delta = delta
        return False


def write_trace(path):
    """Write the events recorded so far as Chrome trace-event JSON."""
    with open(path, 'w') as f:
        f.write(_gil.trace_json())


class trace:
    """Context manager recording GIL events over a block into `path`."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        _gil.start_trace()
        return self

    def __exit__(self, *exc):
        _gil.stop_trace()
        write_trace(self.path)
        return False
