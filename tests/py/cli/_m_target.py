import sys

print("running", __name__, repr(__package__), sys.argv[0].endswith("_m_target.py"), len(sys.argv))
print(sys.path[0] == __file__.rsplit("/", 1)[0], "_m_target" in sys.modules, sys.modules["__main__"].__name__)
print(sys.orig_argv[1:3])
