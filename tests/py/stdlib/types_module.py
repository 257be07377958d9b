# types: the type names, SimpleNamespace, MappingProxyType, new_class, DynamicClassAttribute
import types
import sys

def f():
    pass
print(types.FunctionType, types.LambdaType is types.FunctionType, isinstance(f, types.FunctionType))
print(types.CodeType, types.ModuleType, isinstance(sys, types.ModuleType), types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
print(types.MethodType, types.BuiltinFunctionType, types.NoneType, types.EllipsisType, types.NotImplementedType, types.CellType)
print(types.TracebackType, types.FrameType, types.MemberDescriptorType)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace())
r = types.SimpleNamespace(); r.self = r; print(r)
mp = types.MappingProxyType({"k": 1})
print(mp, mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0), type(mp).__name__, mp | {"j": 2})
def assign():
    mp["k"] = 2
def delete():
    del mp["k"]
for bad in (assign, lambda: types.MappingProxyType([1])):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
def body(ns):
    ns["x"] = 5
    ns["hello"] = lambda self: "hi"
K = types.new_class("K", (object,), {}, body)
print(K.__name__, K.x, K().hello())
meta, nsd, kw = types.prepare_class("Z", (), {"metaclass": type, "flag": 1})
print(meta, nsd, kw)
print(types.resolve_bases((int, list[int])))
class WithDyn:
    @types.DynamicClassAttribute
    def name(self):
        return "instance name"
print(WithDyn().name)
try:
    WithDyn.name
except AttributeError:
    print("AttributeError on class access")
m = types.ModuleType("mymod", "doc")
print(m.__name__, m.__doc__)
print(types.MethodType(lambda self: self, 5)())
