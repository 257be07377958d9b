# test: flags=_dirmain extra
# A directory given as the script runs its __main__.py (this file is only an argument).
