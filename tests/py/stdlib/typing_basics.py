# typing: special forms and aliases with CPython reprs, TypeVar/Generic/Protocol, NamedTuple, TypedDict, get_type_hints
import typing as t
T = t.TypeVar('T'); K = t.TypeVar('K', bound=int); C = t.TypeVar('C', int, str, covariant=True)
print(t.Union[int, None], t.Union[int, str, None], t.Optional[t.List[int]], t.List, t.Dict[str, int], t.Tuple[int, ...], t.Tuple[()], t.Callable[[int], str], t.Callable[..., int], t.Any, t.Union[int], T, K, C, t.Literal[1, 'a'], t.ClassVar[int], t.Final[int], t.Type[int], t.Set, t.Iterable[T])
print(t.get_origin(t.List[int]), t.get_args(t.Dict[str, int]), t.get_origin(int | str), t.get_args(t.Callable[[int], str]), t.get_origin(t.Union[int, str]))
class G(t.Generic[T]): pass
print(G[int], G.__parameters__, t.Generic)
class P(t.Protocol):
    def m(self) -> int: ...
print(P, t.List[int] == t.List[int], t.Optional[int] == t.Union[int, None], t.Union[int, str] == t.Union[str, int])
NT = t.NamedTuple('NT', [('a', int), ('b', str)])
class NT2(t.NamedTuple):
    x: int
    y: str = 'd'
    def double(self): return self.x * 2
print(NT(1, 's'), NT2(1), NT2._fields, NT2.__annotations__, NT2._field_defaults, NT2(4).double())
class TD(t.TypedDict, total=False):
    a: int
print(TD(a=1), TD.__required_keys__, TD.__optional_keys__, type(TD(a=1)))
print(t.cast(int, 'x'), t.TYPE_CHECKING, t.get_type_hints(NT2))
def f(a: 'int', b: t.Optional[str] = None) -> t.List[int]: pass
print(t.get_type_hints(f))
print(repr(t.NoReturn), t.Annotated[int, 'meta'], t.AnyStr, t.Text, t.NewType('UserId', int), t.NewType('UserId', int)(5))
print(isinstance([], t.List), isinstance({}, t.Mapping), issubclass(list, t.Sequence))
try: isinstance([], t.List[int])
except TypeError as e: print(e)
@t.runtime_checkable
class Closable(t.Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), isinstance(3, t.SupportsInt))
try: isinstance(F(), P)
except TypeError as e: print(e)
@t.overload
def g(x: int) -> int: ...
def g(x): return x
print(g(3), t.Union[int, str] == (int | str), t.get_args(t.Optional[int]))
class Box(t.Generic[T]):
    def __init__(self, v: T): self.v = v
b = Box[int](5); print(b.v, b.__orig_class__, Box.__parameters__, t.Dict[str, T][int])
class MyList(t.List[int]): pass
print(MyList.__mro__)
print(t.get_type_hints(Box.__init__))
