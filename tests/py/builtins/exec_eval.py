# exec/eval/compile: namespaces, modes, results, errors.
print(eval("1 + 2 * 3"))
print(eval("  x * 2", {"x": 21}))
g = {}
exec("def f(n):\n    return n + 1\ny = f(41)", g)
print(g["y"], "f" in g, "__builtins__" in g)
loc = {}
exec("z = a + 1", {"a": 1}, loc)
print(loc)
code = compile("w = 5\nprint('in code', w)", "<mine>", "exec")
print(type(code).__name__, code.co_filename)
exec(code)
print(w)
print(eval(compile("[i * i for i in range(4)]", "<e>", "eval")))

def scope():
    k = 7
    return eval("k + 1")
print(scope())

for bad in ["1 +", "def"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.filename)
try:
    compile("x", "<s>", "nope")
except ValueError as e:
    print("ValueError", e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    exec("pass", [])
except TypeError as e:
    print("TypeError", e)
try:
    eval(42)
except TypeError as e:
    print("TypeError", e)
