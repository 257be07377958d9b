class A:
    pass


class B(A, metaclass=M):
    "Doc."
    attr: int = 1
    __private = 2

    def method(self):
        return super().method() + self.__private

    @staticmethod
    def sm():
        return __class__


def f():
    x = 1
    class C:
        y = x
        def g(self):
            return x
    return C
