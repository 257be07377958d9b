# test: flags=-X gil-policy=ticks
# test: timeout=60
# The shared threaded workload under the `ticks` GIL policy: same output as CPython.
import _policy_workload  # noqa: F401
