# Module specs (__spec__ name/origin/parent/search locations, set while a module runs),
# and ImportError details: name/path attributes, the circular-import wording, __all__ items.
def t(f):
    try:
        r = f()
        print("ok", r)
    except BaseException as e:
        print(type(e).__name__ + ":", str(e).replace(DIR, "$DIR"), getattr(e, "name", "-"),
              (getattr(e, "path", None) or "").replace(DIR, "$DIR"))
import os
DIR = os.path.dirname(os.path.abspath(__file__))
import specpkg
import specpkg.mod as pm
s = specpkg.__spec__
print(type(s).__name__, s.name, s.parent, s.origin.replace(DIR, "$DIR"), s.has_location,
      [p.replace(DIR, "$DIR") for p in s.submodule_search_locations])
print(pm.__spec__.name, pm.__spec__.parent, pm.__spec__.submodule_search_locations, pm.__spec__.loader_state)
print(repr(pm.__spec__).replace(DIR, "$DIR").replace("loader=None", "loader=L").split("loader=")[0])
print(pm.__spec__._initializing)
import math
print(math.__spec__.name, math.__spec__.parent)
t(lambda: exec("from specpkg import nonexistent"))
t(lambda: exec("from specpkg.mod import zzz"))
t(lambda: exec("import specpkg.circ_a"))
t(lambda: exec("from specpkg.badall2 import *", {}))
t(lambda: __import__(5))
