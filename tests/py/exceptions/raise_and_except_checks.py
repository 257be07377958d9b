# except/except* clause checks (the whole tuple is validated even after a match), raise
# forms and their errors, a class whose __new__ returns a non-exception.
def t(src):
    try:
        exec(src)
    except BaseException as e:
        print(type(e).__name__ + ":", e)
t("try:\n  raise ValueError\nexcept* ExceptionGroup:\n  pass")
t("try:\n  raise ValueError\nexcept* (ValueError, ExceptionGroup):\n  pass")
t("try:\n  raise ValueError\nexcept* 5:\n  pass")
t("try:\n  raise ValueError\nexcept 5:\n  pass")
t("try:\n  raise ValueError\nexcept (ValueError, 5):\n  pass")
t("for x in []:\n  try:\n    pass\n  except* ValueError:\n    break")
t("def f():\n  try:\n    pass\n  except* ValueError:\n    return 1")
t("try:\n  raise ExceptionGroup('g', [ValueError(1)])\nexcept* ValueError as e:\n  print(repr(e), e.__traceback__ is not None)")
t("raise 5")
t("raise ValueError from 5")
t("raise ValueError() from ValueError")
t("class E(Exception):\n  def __new__(cls): return 5\nraise E")
t("raise")
t("try:\n  raise KeyError(1)\nexcept* KeyError as e:\n  raise e.exceptions[0]")
