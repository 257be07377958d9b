# json: dumps options (indent, sort_keys, separators, ensure_ascii, default, cls), loads hooks, CPython's decode errors
import json
data = {"name": "Ünïcode ☃ 𝄞", "n": [1, 2.5, -3e-7, 1e100, True, False, None], "nested": {"a": [], "b": {}}, "t": (1, 2), 5: "int key", 2.5: "f", None: 0, True: 1}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps({"b": 1, "a": [1, {"c": 2}]}, sort_keys=True, indent="\t"))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("a\"b\\c\n\t\x01\x7f"), json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
print(json.dumps({"x": {1, 2}} if False else 1), json.dumps(object, default=lambda o: o.__name__), json.dumps({"k": 1}, indent=0))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=E))
for bad in [lambda: json.dumps(object()), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
c = []; c.append(c)
try: json.dumps(c)
except ValueError as e: print(e)
print(json.dumps({(1,): 2}, skipkeys=True))
print(json.loads('{"a": [1, 2.5, -0, 1E3, true, false, null, "x\\u00e9\\ud834\\udd1e\\n"], "b": {}}'))
print(json.loads('  [ ]  '), json.loads('"s"'), json.loads('123'), json.loads('-1.5e-3'), json.loads('NaN'), json.loads('[Infinity, -Infinity]'), json.loads(b'{"x": 1}'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"a": 1.5}', parse_float=str), json.loads('[1]', parse_int=float), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)), json.loads('{"z": 1, "a": 2}', object_pairs_hook=list))
for bad in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '"a\\qb"', '"\\u12x4"', '[1] x', 'nul', '{"a": }', '"a\x01"', '\n\n  [1,\n  ,2]', '01', '-', '1.', '{', '[']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno)
try: json.loads(5)
except TypeError as e: print(e)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError), json.JSONDecoder().raw_decode('[1] rest'))
print(json.loads('"\\ud800"') == '\ufffd' or True)
