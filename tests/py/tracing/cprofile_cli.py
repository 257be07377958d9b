# test: flags=-m cProfile -s stdname
# `gild -m cProfile -s sort script.py`: the script runs as __main__ under the profiler and
# the report follows (timings masked by the script's own stdout wrapper).
import sys


def square(x):
    return x * x


def main():
    total = 0
    for i in range(5):
        total += square(i)
    return total, __name__


# Inline, not `from _mask import Masked`: the import itself would be profiled, and
# CPython's import machinery is Python code.
class Masked:
    def write(self, text):
        out = []
        for token in text.split(" "):
            head, dot, tail = token.partition(".")
            if dot and head.isdigit() and tail[:3].isdigit():
                token = "#" * (len(head) + 4) + tail[3:]
            out.append(token)
        return sys.__stdout__.write(" ".join(out))

    def flush(self):
        sys.__stdout__.flush()


print(main())
sys.stdout = Masked()
