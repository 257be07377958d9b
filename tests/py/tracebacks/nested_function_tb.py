def outer():
    def inner():
        def innermost():
            return [][0]
        return innermost()
    return inner()
outer()
