# test: flags=-X gil-policy=interval
# test: timeout=60
# The shared threaded workload under the `interval` GIL policy: same output as CPython.
import _policy_workload  # noqa: F401
