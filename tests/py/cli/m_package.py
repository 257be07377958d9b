# test: flags=-m _mpkg
# A package runs its __main__ submodule (after __init__).
