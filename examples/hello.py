# The first program: python3 examples/hello.py prints the same.
print("Hello, world!")
