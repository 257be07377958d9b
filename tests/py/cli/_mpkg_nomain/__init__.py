print("nomain init")
