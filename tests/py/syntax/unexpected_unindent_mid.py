# An unexpected dedent in the middle of a file is reported at the dedented line.
if True:
    if True:
        pass
        @decorator
    x = 1
