kwlist = ["shadowed"]
