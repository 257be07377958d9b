"""The objects behind PEP 604 unions (`int | str`) and PEP 585 generic aliases
(`list[int]`): `types.UnionType` and `types.GenericAlias`.

gild's `type.__or__`/`__ror__` and the builtin containers' `__class_getitem__` call into
this module (see `src/modules/object_methods.rs`); `isinstance`/`issubclass` reach the
checks below through `__instancecheck__`/`__subclasscheck__`.
"""


def _type_repr(obj):
    """How a type argument appears inside `list[...]` or a union."""
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _is_typevar_like(obj):
    return type(obj).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple") and \
        type(obj).__module__ == "typing"


def _collect_parameters(args):
    params = []
    for arg in args:
        if _is_typevar_like(arg):
            if arg not in params:
                params.append(arg)
        else:
            for p in getattr(arg, "__parameters__", ()) if not isinstance(arg, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType)) or _is_typevar_like(obj) \
        or type(obj).__module__ == "typing"


def _union_from(args):
    flat = []
    for arg in args:
        if arg is None:
            arg = type(None)
        if isinstance(arg, UnionType):
            members = arg.__args__
        else:
            members = (arg,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    u = object.__new__(UnionType)
    u._args = tuple(flat)
    return u


def _type_or(left, right):
    if not _unionable(left) or not _unionable(right):
        return NotImplemented
    if type(right).__module__ == "typing" and not isinstance(right, type):
        # typing's special forms answer `|` themselves (they return typing.Union).
        return NotImplemented
    return _union_from((left, right))


def _type_ror(right, left):
    return _type_or(left, right)


class UnionType:
    """A union of types written with `|` (PEP 604)."""

    __slots__ = ("_args",)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    @property
    def __args__(self):
        return self._args

    @property
    def __parameters__(self):
        return _collect_parameters(self._args)

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self._args)

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self._args) == set(other._args)

    def __hash__(self):
        return hash(frozenset(self._args))

    def _check_each(self, fname, test):
        # The members are tried in order: a parameterized generic is refused only when
        # the check gets to it (`isinstance(1, int | list[int])` is True).
        for arg in self._args:
            if isinstance(arg, GenericAlias):
                raise TypeError(f"{fname}() argument 2 cannot be a parameterized generic")
            if test(arg):
                return True
        return False

    def __instancecheck__(self, obj):
        return self._check_each("isinstance", lambda arg: isinstance(obj, arg))

    def __subclasscheck__(self, cls):
        return self._check_each("issubclass", lambda arg: issubclass(cls, arg))

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        parameters = self.__parameters__
        if not parameters:
            raise TypeError(f"{self!r} is not a generic class")
        subst = dict(zip(parameters, params))
        result = None
        for arg in self._args:
            arg = _substitute(arg, subst)
            result = arg if result is None else result | arg
        return result


UnionType.__module__ = "types"


def _substitute(arg, subst):
    if _is_typevar_like(arg):
        return subst.get(arg, arg)
    if isinstance(arg, (GenericAlias, UnionType)) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    return arg


# Attributes a GenericAlias answers itself instead of forwarding to its origin.
_OWN_ATTRS = frozenset({
    "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
    "_origin", "_args", "_starred", "_params",
})


class GenericAlias:
    """A parameterised builtin type, as written `list[int]` (PEP 585)."""

    __slots__ = ("_origin", "_args", "_starred", "_params", "__weakref__")

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        self._origin = origin
        self._args = args
        self._starred = False
        self._params = None
        return self

    def __init__(self, origin, args, /):
        pass

    @property
    def __origin__(self):
        return self._origin

    @property
    def __args__(self):
        return self._args

    @property
    def __unpacked__(self):
        return self._starred

    @property
    def __parameters__(self):
        if self._params is None:
            self._params = _collect_parameters(self._args)
        return self._params

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__") and name in _OWN_ATTRS:
            raise AttributeError(name)
        return getattr(self._origin, name)

    def __repr__(self):
        if len(self._args) == 0:
            body = "()"
        else:
            body = ", ".join(self._arg_repr(a) for a in self._args)
        prefix = "*" if self._starred else ""
        return f"{prefix}{_type_repr(self._origin)}[{body}]"

    @staticmethod
    def _arg_repr(arg):
        if isinstance(arg, list):
            return "[" + ", ".join(GenericAlias._arg_repr(a) for a in arg) + "]"
        return _type_repr(arg)

    def __call__(self, *args, **kwargs):
        result = self._origin(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self._origin,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self._origin == other._origin and self._args == other._args
                and self._starred == other._starred)

    def __hash__(self):
        return hash(self._origin) ^ hash(self._args)

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, params):
        parameters = self.__parameters__
        if not parameters:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) != len(parameters):
            which = "many" if len(params) > len(parameters) else "few"
            raise TypeError(f"Too {which} arguments for {self!r}; actual {len(params)}, expected {len(parameters)}")
        subst = dict(zip(parameters, params))
        return GenericAlias(self._origin, tuple(_substitute(a, subst) for a in self._args))

    def __reduce__(self):
        return GenericAlias, (self._origin, self._args)

    def __dir__(self):
        return sorted(set(dir(self._origin)) | {"__origin__", "__args__", "__parameters__"})

    def __iter__(self):
        star = GenericAlias(self._origin, self._args)
        star._starred = True
        yield star


GenericAlias.__module__ = "types"
