try:
    [][1]
except IndexError:
    {}["missing"]
