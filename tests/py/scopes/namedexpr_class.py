class C:
    [(x := 1) for a in y]
