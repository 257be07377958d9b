def compute():
    results = [1, 2]
    return reslts
compute()
