# PEP 604 unions and PEP 585 generic aliases: reprs, args, isinstance, errors
print(isinstance(list[int], type), int|list[int], type(int|str), (int|str).__args__, int|int, int|None, None|int, list[int](), dict[str, list[int]], tuple[()], tuple[int, ...])
try: int | 'str'
except TypeError as e: print(e)
print((int|str) == (str|int), hash(int|str)==hash(str|int), isinstance(3, int|str), issubclass(bool, int|None))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: isinstance([], int|list[int])
except TypeError as e: print(e)
class X(list[int]): pass
print(X.__mro__, X.__orig_bases__)
print(list[int] == list[int], list[int].append, type[int])
print(list[int].__origin__, dict[str, int].__args__, list.__class_getitem__(int))
import collections
print(collections.deque[int], isinstance(None, int | None), isinstance("s", (int, str|bytes)))
import types
print(types.UnionType, types.GenericAlias, type(list[int]) is types.GenericAlias, types.GenericAlias(list, (int,)))
print(int | str | None, (int | str) | (bytes | int), list[int] | None, dict[str, tuple[int, ...]])
print(tuple[int, str].__args__, list[int].__parameters__, type[int].__origin__, hash(list[int]) == hash(list[int]))
print(issubclass(int, int | str), issubclass(str, bytes | None))
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
try:
    isinstance(1, 3)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"
    def __subclasscheck__(cls, sub):
        return sub is str
class Any_(metaclass=Meta):
    pass
print(isinstance("yes", Any_), isinstance("no", Any_), issubclass(str, Any_), issubclass(int, Any_), isinstance(Any_(), Any_))
