# enum: Enum/IntEnum/StrEnum/Flag/IntFlag members, reprs as 3.11, aliases, auto, unique, functional API, errors
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), format(Color.RED), f'{Color.RED}', Color(1), Color['GREEN'], list(Color), len(Color), Color.CRIMSON is Color.RED, Color.__members__, Color, type(Color))
print(Color.RED.name, Color.RED.value, Color.RED == 1, hash(Color.RED) == hash('RED'), Color.RED in Color)
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
try: Color.RED = 5
except AttributeError as e: print(e)
try:
    class More(Color): X = 9
except TypeError as e: print(e)
class N(IntEnum):
    A = 1
    B = auto()
print(repr(N.A), str(N.A), f'{N.B}', N.A + 1, N.B == 2, N(2), list(N))
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(repr(P.R|P.W), str(P.R|P.W), P(3), list(P), P.R in (P.R|P.W), repr(P(0)), bool(P(0)), repr(~P.R), P.R|P.W|P.X)
class P2(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(list(P2), str(P2(0)), repr(P2.RW), str(P2.RW), P2.__members__.keys(), repr(P2), P2(7), list(P2(7)), len(P2(5)))
try: P2(8)
except ValueError as e: print(repr(str(e)))
class IP(IntFlag):
    R = 4
    W = 2
print(repr(IP.R|IP.W), str(IP.R|IP.W), IP.R|1, IP.R + 1, repr(IP(9)), str(IP(0)), repr(IP(0)), IP.R & 6, repr(~IP.R))
class S(StrEnum):
    A = auto()
    B = 'bee'
print(repr(S.A), str(S.A), S.B == 'bee', S.A.upper())
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
A = Enum('Animal', 'ANT BEE CAT')
print(list(A), A.BEE.value, Enum('X', [('a', 5)]).a, A.__module__ if False else '')
class WithMethods(Enum):
    ONE = 1
    TWO = 2
    def describe(self): return f'{self.name}={self.value}'
    @classmethod
    def first(cls): return cls.ONE
    @property
    def double(self): return self.value * 2
print(WithMethods.TWO.describe(), WithMethods.first(), WithMethods.ONE.double)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return cls.A
print(M(99), sorted(Color.__members__))
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
print(isinstance(Color.RED, Color), Color.RED.__class__, Color._member_names_, Color._value2member_map_)
print(Color.RED.__reduce_ex__(4), dir(Color.RED), dir(Color))
class Z(Enum):
    a = 6
    b = 7
    c = auto()
print(repr(Z.c), {Color.RED: 'r'}[Color.CRIMSON])
match Color.GREEN:
    case Color.RED: print("red")
    case Color.GREEN: print("green")
import copy; print(copy.deepcopy(Color.BLUE) is Color.BLUE)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
class Ord(IntEnum):
    LOW = 1
    HIGH = 2
print(Ord.LOW < Ord.HIGH, sorted([Ord.HIGH, Ord.LOW]), max(Ord))
