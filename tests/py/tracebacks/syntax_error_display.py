# How an uncaught SyntaxError built by user code is shown: the location block only when
# lineno is an int; a caret range only for SyntaxError itself (subclasses get one caret);
# the last line shows `msg`, not str(). Each is raised while handling the previous one.
class MySyntaxError(SyntaxError):
    pass
try:
    raise SyntaxError("ranged", ("f.py", 2, 2, "pass x\n", 2, 5))
except SyntaxError:
    try:
        raise MySyntaxError("subclass", ("f.py", 2, 2, "pass x\n", 2, 5))
    except SyntaxError:
        try:
            raise IndentationError("indent", ("f.py", 2, 1, "  pass\n", 2, 5))
        except SyntaxError:
            try:
                raise SyntaxError("no lineno", ("f.py", None, 5, "pass x\n"))
            except SyntaxError:
                try:
                    raise SyntaxError("multi-line", ("f.py", 2, 3, "pass x\n", 4, 2))
                except SyntaxError:
                    try:
                        raise SyntaxError("past the end", ("f.py", 2, 3, "pass x\n", 2, 50))
                    except SyntaxError:
                        try:
                            raise SyntaxError(None, (None, 7, 2, "abc"))
                        except SyntaxError:
                            try:
                                raise SyntaxError("negative", ("f.py", 1, -3, "abc"))
                            except SyntaxError:
                                e = SyntaxError(5, ("a.py", 3, 2, "  \txyz\n"))
                                e.add_note("a note")
                                raise e
