# test: flags=-m _no_such_module_here
