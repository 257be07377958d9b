print("before")
print(qwertyuiop)
