name = "world"
print(f"hello {name.upper()} and {name.missing}")
