# test: flags=-X gil-policy=io-priority
# test: timeout=60
# The shared threaded workload under the `io-priority` GIL policy: same output as CPython.
import _policy_workload  # noqa: F401
