# SyntaxError's constructor fields and str(), and the location compile() gives errors at a
# dedent or at the end of input (CPython places them after the last line read).
cases = [(), ("m",), ("m", ("f.py", 3, 4, "text")), ("m", ("f.py", 3, 4, "text", 3, 6)),
         ("m", (None, 3, 4, "t")), ("m", ("f.py", None, 4, "t")), ("m", ("/a/b/f.py", 3, 4, "t")),
         ("m", ("f.py", "x", 4, "t")), (None, ("f.py", 3, 4, "t")), ("m", [1, 2, 3, 4]),
         ("m", (1, 2, 3)), ("m", (1, 2, 3, 4, 5)), ("m", (1, 2, 3, 4, 5, 6, 7)), ("m", "abcd"),
         ("m", 5), (1,), ("m", 1, 2), ("m", ("f.py", 10**30, 1, "t"))]
for a in cases:
    try:
        e = SyntaxError(*a)
    except Exception as ex:
        print(a, "->", type(ex).__name__, ex)
        continue
    print(a, "->", repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
e = SyntaxError("m", ("f.py", 3, 4, "t"))
e.lineno = 9
e.filename = "dir/z.py"
e.msg = "new"
print(str(e), e.args)
print(str(IndentationError("i", ("g.py", 1, 1, "x"))), str(TabError("t")))

sources = ["if x:\n", "if x:", "if x:\n\n# c\n", "if x:\npass\n", "if x:\n  pass\nelse:\n",
           "try:\n  pass\n", "try:\n  pass\n\n\n", "try:\n  pass\nx=1\n",
           "class A:\n  def f(self):\n    pass\n  @dec\n",
           "class A:\n  def f(self):\n    pass\n  @dec\nx = 1\n",
           "if 1:\n  if 2:\n    pass\n    @d\n  x\n", "if 1:\n  @dec\n\n# c\n",
           "def f():\n  x = 1\n  @d\n y\n", "match x:\n  case 1:\n", "a = 1 +\n",
           "if 1:\n  x = 1\n  y = \n", "for x in y:\n  @d\n  z\n"]
for s in sources:
    try:
        compile(s, "<s>", "exec")
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
