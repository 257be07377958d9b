# In-memory streams: print(file=...) into a StringIO, writes, reading lines back, BytesIO.
import io


def report(n):
    out = io.StringIO()
    for i in range(n):
        print("row", i, i % 7, sep=",", file=out)
        if i % 5 == 0:
            out.write("# note\n")
    text = out.getvalue()
    out.seek(0)
    rows = 0
    notes = 0
    for line in out:
        if line.startswith("#"):
            notes += 1
        else:
            rows += 1
    b = io.BytesIO()
    for i in range(n // 4):
        b.write(b"chunk%d;" % (i % 10))
    b.seek(0)
    data = b.read()
    return len(text), rows, notes, len(data), data[-8:]


print(report(200_000))
