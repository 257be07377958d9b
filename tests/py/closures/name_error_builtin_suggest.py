lenght = 3
print(lenn("abc"))
