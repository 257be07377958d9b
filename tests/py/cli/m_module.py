# test: flags=-m _m_target
# Runs the support module _m_target as __main__; this file is only argv[1].
