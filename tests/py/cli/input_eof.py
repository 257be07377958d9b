# test: stdin=input_eof.txt
print(input("name: "))
print(input(42))
input()
