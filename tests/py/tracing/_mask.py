# Support module: a stream that hides timings (tokens like 0.000) so profiler reports
# can be compared with CPython's.


def mask(text):
    out = []
    for token in text.split(" "):
        head, dot, tail = token.partition(".")
        if dot and head.isdigit() and tail[:3].isdigit():
            token = "#" * (len(head) + 4) + tail[3:]
        out.append(token)
    return " ".join(out)


class Masked:
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(mask(text))

    def flush(self):
        self.stream.flush()
