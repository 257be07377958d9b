x = 10
def set_x(v):
    global x
    x = v
def get_x():
    return x
set_x(42)
print(x, get_x())
def make_new():
    global brand_new
    brand_new = "created"
make_new()
print(brand_new)
def del_it():
    global brand_new
    del brand_new
del_it()
print("brand_new" in globals())
