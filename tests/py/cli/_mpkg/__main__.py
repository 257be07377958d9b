import sys
print("package main", __name__, repr(__package__), sys.argv[0].endswith("_mpkg/__main__.py"))
from . import helper
print(helper.VALUE)
