try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(repr(e), str(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise int
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
def reraiser():
    try:
        raise KeyError("x")
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    print("reraised", e)
try:
    raise ValueError("a") from 1
except TypeError as e:
    print(e)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)
try:
    try:
        raise ValueError
    except (TypeError, ValueError) as e:
        print("tuple match", type(e).__name__)
        raise
except ValueError:
    print("outer")
try:
    try:
        pass
    except 5:
        pass
    raise ValueError
except TypeError as e:
    print(e)
except ValueError:
    print("no check when nothing raised")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
