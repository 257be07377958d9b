print("core init", __name__, __package__)
core_value = 42
