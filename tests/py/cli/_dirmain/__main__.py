import sys, os
print("running", __name__, os.path.basename(__file__), os.path.basename(sys.path[0]), sys.argv[1])
