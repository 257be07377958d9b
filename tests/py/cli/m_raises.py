# test: flags=-m _m_raises
# The traceback shows the two <frozen runpy> entries, as CPython does.
