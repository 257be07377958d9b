# Small details of builtin types: dict views' .mapping, nested format-spec depth.
d = {1: 2}
print(d.keys().mapping, d.values().mapping, d.items().mapping)
m = d.keys().mapping
d[3] = 4
print(m, m[3], type(m).__name__)
try:
    m[5] = 1
except TypeError as e:
    print(e)
print('{:{}}|'.format(1, 5), '{:{}{}}|'.format(1, '>', 4))
for t in ['{:{:{}}}', '{0:{1:{2}}}']:
    try:
        print(t.format(1, 2, 3))
    except ValueError as e:
        print(e)
# dict_values has no __contains__ of its own; `in` scans the values.
dv = {1: 'a'}.values()
print('a' in dv, 1 in dv, hasattr(dv, '__contains__'), len(dv), dv.__len__())
