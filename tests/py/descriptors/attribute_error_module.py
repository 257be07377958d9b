import sys
sys.exitt
