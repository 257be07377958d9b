# test: flags=_mpkg_nomain
# A directory without __main__.py cannot be run.
