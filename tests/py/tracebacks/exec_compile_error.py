# A compiler (not parser) error in exec()uted text has no source line to show.
def run():
    exec("def f():\n    return 1\nreturn 2")
run()
