# test: flags=-m _mpkg_nomain
# A package without __main__ cannot be run.
