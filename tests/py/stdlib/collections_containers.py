# defaultdict, OrderedDict, Counter, ChainMap, UserDict/UserList/UserString
from collections import defaultdict, OrderedDict, Counter, ChainMap, UserDict, UserList, UserString

dd = defaultdict(list)
dd["a"].append(1); dd["b"]
print(dd, dd.default_factory, repr(defaultdict()), "c" in dd)
print(defaultdict(int, {"x": 1}).copy(), isinstance(dd, dict))
d0 = defaultdict(None)
try:
    d0["k"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(1)
except TypeError as e:
    print("TypeError", e)

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b"); print(list(od))
od.move_to_end("d", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), repr(OrderedDict([(1, 2)])))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    OrderedDict().move_to_end("zz")
except KeyError as e:
    print("KeyError", e)

c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c.total())
print(sorted(c.elements()))
c.update("aaz"); c.subtract(b=5); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2), Counter(), Counter(a=1) == Counter(a=1, b=0))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError", e)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm)
cm2 = cm.new_child({"c": 4}); print(cm2["c"], cm2.parents)
cm["z"] = 0; print(cm.maps[0])
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)

ud = UserDict(a=1); ud["b"] = 2; print(ud, len(ud), ud.get("a"), "b" in ud, dict(ud.items()))
ul = UserList([3, 1, 2]); ul.sort(); ul.append(4); print(ul, ul[1:], len(ul), ul + [5])
us = UserString("hello"); print(us.upper(), us + "!", len(us), us[1:3], "ell" in us)
from collections import UserDict, ChainMap, UserList, UserString
import collections
u = UserDict(a=1); u.update({"b": 2}, c=3); print(u, u.keys(), list(u.items()), u.pop("a"), u.setdefault("z", 9), u == {"b": 2, "c": 3, "z": 9}, u.get("q", 0), len(u), u.popitem())
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm.keys(), list(cm.items()), list(cm.values()), cm == {"a": 1, "b": 3}, cm.get("b"), dict(cm))
cm.update(x=5); print(cm.maps, cm.setdefault("b", 7), cm.maps[0])
print(isinstance(u, collections.abc.MutableMapping), isinstance(UserList(), collections.abc.MutableSequence), collections.abc.Sequence in type(UserString("x")).__mro__)
print(UserList([1, 2]).index(2), UserString("abc").count("a"), list(reversed(UserList([1, 2, 3]))))
