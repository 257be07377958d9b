# SyntaxError built by hand: its attributes from the arguments, and str() as "msg (file, line N)".
for args in [(), ('m',), ('m', ('f.py', 3, 4, 'x = (', 3, 5)), ('m', ('/a/b/f.py', None, 4, 'x', 3, 5)), ('m', (None, 3, 4, 'x')), ('m', 1, 2), (1, ('f', 2, 3, 4))]:
    try:
        e = SyntaxError(*args)
        print(repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.text, e.args)
    except Exception as x:
        print('!!', type(x).__name__, x)
try:
    compile('x = (', 'f.py', 'exec')
except SyntaxError as e:
    print(e, '|', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
try:
    exec('  x')
except IndentationError as e:
    print(e)
