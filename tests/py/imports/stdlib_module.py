# A Python-source stdlib module imports; a folder earlier on sys.path overrides it.
import sys
import os
import keyword
print(keyword.iskeyword("if"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
print(len(keyword.kwlist), keyword.kwlist[:3])
print(keyword.__name__, os.path.basename(keyword.__file__))
del sys.modules["keyword"]
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_shadow"))
import keyword
print(keyword.kwlist)
