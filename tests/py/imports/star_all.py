from pkg import *
print(core_value, exported)
try:
    hidden
except NameError as e:
    print(e)
from _starmod import *
print(public)
print("_private" in dir())
