# sys.exit() given a SystemExit instance raises that instance: its code is the status.
import sys
try:
    sys.exit(SystemExit(5))
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
class Quit(SystemExit):
    pass
sys.exit(Quit(4))
