from circ.a import A
print(A)
