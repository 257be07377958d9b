class Config:
    debug = True
    level = undefined_level + 1
