# test: flags=-x -R
import sys
print(sys.argv[1:])
# -x drops the first line but keeps line numbers
1/0
