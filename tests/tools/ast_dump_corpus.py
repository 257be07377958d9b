"""Print CPython's ast.dump(ast.parse(source)) for each file named on stdin (one per line).

Output, per file, framed for a Rust reader: a header line "<path-bytes> <dump-bytes>\n",
then the path and the dump as UTF-8 (dump-bytes is -1 when CPython cannot parse the file).
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")
out = sys.stdout.buffer
for line in sys.stdin.buffer.read().decode("utf-8", "surrogateescape").splitlines():
    path = line
    try:
        with open(path, "rb") as f:
            src = f.read()
        text = ast.dump(ast.parse(src)).encode("utf-8", "surrogatepass")
    except (SyntaxError, ValueError, RecursionError, MemoryError, OSError):
        text = None
    p = path.encode("utf-8", "surrogateescape")
    out.write(b"%d %d\n" % (len(p), -1 if text is None else len(text)))
    out.write(p)
    if text is not None:
        out.write(text)
out.flush()
