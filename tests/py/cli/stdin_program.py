# test: flags=- a b
# test: stdin=_stdin_program.txt
