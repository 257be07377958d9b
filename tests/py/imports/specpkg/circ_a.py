import specpkg.circ_b
x = 1
