# A decorator left without its function at the end of a class: the dedent is unexpected.
class A:
    def f(self):
        pass
    @staticmethod
