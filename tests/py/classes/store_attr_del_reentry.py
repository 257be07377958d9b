# Overwriting an instance attribute releases the old value after the store: its __del__
# may read, replace or clear the owner's __dict__ and store more attributes.
class Owner:
    pass

class Reenter:
    def __init__(self, owner, mode):
        self.owner, self.mode = owner, mode
    def __del__(self):
        o = self.owner
        print("del", self.mode, sorted(vars(o)))
        if self.mode == "replace":
            o.__dict__ = {"fresh": 1}
        elif self.mode == "clear":
            o.__dict__.clear()
        elif self.mode == "store":
            o.other = "set in __del__"

for mode in ("replace", "clear", "store", "read"):
    o = Owner()
    for _ in range(3):
        o.slot = 0
    o.slot = Reenter(o, mode)
    o.slot = "new"
    print(mode, sorted(vars(o).items()))
