# test: flags=-c print(__name__,[1,2][-1])
