# test: flags=-X gil-policy=fifo
# test: timeout=60
# The shared threaded workload under the `fifo` GIL policy: same output as CPython.
import _policy_workload  # noqa: F401
