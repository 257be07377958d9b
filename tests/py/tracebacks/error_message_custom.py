class AppError(Exception):
    pass
class Sub:
    class Inner(Exception):
        pass
try:
    raise AppError("first")
except AppError as e:
    print("caught", e)
raise Sub.Inner("nested class error")
