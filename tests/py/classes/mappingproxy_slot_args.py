# mappingproxy.__len__ / __str__ are slot wrappers: their argument and receiver errors.
import types

p = types.MappingProxyType({"a": 1})
for f in [lambda: p.__len__(1), lambda: p.__len__(x=1), lambda: p.__str__(1, 2),
          lambda: type(p).__len__(), lambda: type(p).__len__(5), lambda: type(p).__str__([]),
          lambda: type(p).__str__()]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(p.__len__(), p.__str__(), type(p).__len__(p))
