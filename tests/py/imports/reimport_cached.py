import sys
import _counter
import _counter
from _counter import hits
print(hits, _counter.hits)
del sys.modules["_counter"]
import _counter as again
print(again.hits, again is not _counter)
