# test: flags=-m _m_target.sub
