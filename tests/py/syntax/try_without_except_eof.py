# `try` without a handler at the end of the file: reported on the last line read, no caret.
try:
    pass

