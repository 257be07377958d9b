# An uncaught error inside exec'd code: the traceback shows the <string> frame.
def run():
    exec("def g():\n    return undefined_thing\ng()")

run()
