from specpkg.circ_a import x
