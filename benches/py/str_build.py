# String building: concatenation, join, f-strings, slicing, methods.
def build(n):
    parts = []
    s = ""
    for i in range(n):
        word = f"item{i % 97}-{i * 7 % 13}"
        parts.append(word.upper())
        if i % 10 == 0:
            s += word[:4]
    joined = ",".join(parts)
    return len(joined), joined.count("ITEM1"), len(s), s[-12:]

print(build(300_000))
