import _starmod
print(_starmod.__name__, _starmod.__file__.endswith("_starmod.py"), repr(_starmod).startswith("<module '_starmod' from"))
import sys
print(sys.modules["_starmod"] is _starmod)
print(__name__)
