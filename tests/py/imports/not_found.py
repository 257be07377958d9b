try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg.nosub
except ModuleNotFoundError as e:
    print(e)
try:
    from _starmod import missing
except ImportError as e:
    print(e, e.name)
import no_such_module_at_all
