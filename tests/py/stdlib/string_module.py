# string: constants, capwords, Template (substitute/safe_substitute/errors), Formatter
import string
from string import Template, Formatter

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
t = Template("$who likes ${what}; costs $$5 $who")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann"}, what="tea"))
print(Template("$a and $b $").safe_substitute(a=1), Template("${x} ${y}").safe_substitute(x="X"))
print(t.get_identifiers(), t.is_valid(), Template("$").is_valid())
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
try:
    Template("line\nbad $ here").substitute()
except ValueError as e:
    print("ValueError", e)
class Pct(Template):
    delimiter = "%"
print(Pct("%x is %{y}").substitute(x=1, y=2))
f = Formatter()
print(f.format("{0} {name} {1!r} {2:>5} {obj.real} {lst[1]}", "a", "b", 3, name="N", obj=5, lst=[7, 8]))
print(f.format("{} {}", 1, 2), f.format("{:{w}}|", "x", w=4), list(f.parse("a{0!s:>3}b{{c}}")))
class Upper(Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Upper().format("{} and {x}", "one", x="two"))
for bad in ("{", "}", "{0} {}"):
    try:
        f.format(bad, 1, 2)
    except ValueError as e:
        print("ValueError", e)
