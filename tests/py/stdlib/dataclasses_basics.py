# dataclasses: generated methods, field options, frozen/order/hash rules, InitVar, KW_ONLY, asdict/astuple/replace, slots, errors
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, KW_ONLY, make_dataclass, is_dataclass, MISSING
import dataclasses
from typing import List, ClassVar, Optional

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), Point.__doc__, Point.count)
print([f.name for f in fields(p)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__match_args__, Point.__hash__, Point.__dataclass_params__)
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, [], 4)
except TypeError as e: print(e)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)
v1, v2 = Version(1, 2), Version(1, 10, "beta")
print(v1 < v2, sorted([v2, v1]), v1 == Version(1, 2, "x"), hash(v1) == hash(Version(1, 2)), v2)
try: v1.major = 3
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del v1.minor
except FrozenInstanceError as e: print(e)

@dataclass
class Post:
    a: int
    b: InitVar[int]
    c: int = field(init=False)
    def __post_init__(self, b):
        self.c = self.a + b
print(Post(1, 2), fields(Post)[-1].name)

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(KW(1, c=3), KW.__init__.__qualname__)
try: KW(1, 2, 3)
except TypeError as e: print(e)

@dataclass
class Nested:
    p: Point
    items: list
print(asdict(Nested(Point(1), [Point(2)])), astuple(Nested(Point(1), [1, (2, 3)])))

for bad in ["x: list = []", "x: int = 1\n    y: int"]:
    try:
        exec(f"@dataclass\nclass Bad:\n    {bad}\n", {"dataclass": dataclass})
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    @dataclass(order=True, eq=False)
    class B2: pass
except ValueError as e: print(e)
try: fields(1)
except TypeError as e: print(e)
try: asdict(Point)
except TypeError as e: print(e)

@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash((1,)))

@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, [], 3), [f.name for f in fields(Child)])
C = make_dataclass("C", [("a", int), ("b", int, field(default=2))], namespace={"total": lambda self: self.a + self.b})
print(C(1), C(1).total(), C.__name__)

@dataclass(slots=True)
class S:
    a: int
    b: str = "x"
s = S(1); print(s, S.__slots__, hasattr(s, "__dict__"))

@dataclass
class Rec:
    children: list = field(default_factory=list)
r = Rec(); r.children.append(r); print(r)
print(repr(field(default=1))[:30], type(MISSING).__name__)
@dataclass(repr=False, eq=False)
class Plain:
    a: int
print(Plain(1) == Plain(1), Plain.__repr__ is object.__repr__)
match Point(3, 4):
    case Point(x, y): print("match", x, y)
@dataclass
class WithOpt:
    a: Optional[int] = None
    b: "str" = "s"
print(WithOpt.__doc__, WithOpt())
