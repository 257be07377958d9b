import pkg
print(pkg.core_value, pkg.__name__, pkg.__package__)
import pkg.sub.leaf
print(pkg.sub.leaf.value)
from pkg.sub import leaf
print(leaf is pkg.sub.leaf)
import pkg.core as c
print(c.core_value)
import sys
print("pkg.sub.sibling" in sys.modules)
