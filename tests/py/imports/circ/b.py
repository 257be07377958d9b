print("b start")
import circ.a
B = "B"
def get_a():
    return circ.a.A
print("b end")
