# test: flags=-X gil-policy=interval-noforce
# test: timeout=60
# The shared threaded workload under the `interval-noforce` GIL policy: same output as CPython.
import _policy_workload  # noqa: F401
