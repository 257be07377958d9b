a = f"{x!r:>{width}} {y=} {z = !s:^10} {{literal}} {'q'}"
b = f"a" "b" f"{c}" rf"\d{d}" F"{e:{f}.{g}}"
c = f"""multi
{line}"""
d = f"{x for x in y}" + f"{a, b}" + f"{yield}" if 0 else f"{(lambda: 1)}"
e = u"kind" "more"
f = "\N{BULLET} \x41 \u00e9 \U0001F600 \101 \q"
