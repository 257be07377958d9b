"""Enumerations (Python 3.11's `enum`): `Enum`, `IntEnum`, `StrEnum`, `Flag`,
`IntFlag`, `auto`, `unique`, written for gild from the documented behaviour.
"""

import sys
import types
from types import MappingProxyType, DynamicClassAttribute

__all__ = [
    "EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember", "FlagBoundary",
    "STRICT", "CONFORM", "EJECT", "KEEP", "global_flag_repr", "global_enum_repr",
    "global_str", "global_enum", "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "pickle_by_global_name", "pickle_by_enum_name",
]

Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None


class property(DynamicClassAttribute):
    """The `name`/`value` descriptor of members (a member named `name` still works)."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError):
                raise AttributeError(f"{ownerclass!r} has no attribute {self.name!r}") from None
        return self.fget(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name


class nonmember:
    """Protects a value from becoming a member."""

    def __init__(self, value):
        self.value = value


class member:
    """Forces a value to become a member."""

    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_private(cls_name, name):
    pattern = f"_{cls_name}__"
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


_auto_null = object()


class auto:
    """Stands for a value chosen by `_generate_next_value_`."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


class FlagBoundary:
    pass


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"


class EnumCheck:
    pass


CONTINUOUS, NAMED_FLAGS, UNIQUE = "no skipped integer values", "multi-flag aliases may not contain unnamed flags", "one name per value"


class _EnumDict(dict):
    """The class namespace while an enum body runs: records member names in order and
    resolves `auto()`."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in ("_order_", "_generate_next_value_", "_numeric_repr_", "_missing_",
                           "_ignore_", "_iter_member_", "_iter_member_by_value_",
                           "_iter_member_by_def_", "_add_alias_", "_add_value_alias_"):
                raise ValueError(f"_sunder_ names, such as {key!r}, are reserved for future Enum use")
            if key == "_generate_next_value_":
                if isinstance(value, staticmethod):
                    value = value.__func__
                self._generate_next_value = value
            elif key == "_ignore_":
                if isinstance(value, str):
                    value = value.replace(",", " ").split()
                else:
                    value = list(value)
                self._ignore = value
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError(f"{key!r} already defined as {self[key]!r}")
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError(f"{key!r} already defined as {self[key]!r}")
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(key, 1, len(self._member_names),
                                                            self._last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                resolved = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = self._generate_next_value(key, 1, len(self._member_names),
                                                                self._last_values[:])
                        v = v.value
                    resolved.append(v)
                value = tuple(resolved)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if "__new__" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
                return base
    return object


def _get_mixins(class_name, bases):
    if not bases:
        return object, Enum
    last = bases[-1]
    if not isinstance(last, EnumType):
        raise TypeError("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`")
    for base in bases:
        if isinstance(base, EnumType) and base._member_names_:
            raise TypeError(f"<enum {class_name!r}> cannot extend {base!r}")
    return _find_data_type(bases), last


class EnumType(type):
    """Metaclass of enumerations: builds the members and makes the class iterable."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        member_type, first_enum = _get_mixins(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        if first_enum is not None:
            enum_dict._generate_next_value = getattr(first_enum, "_generate_next_value_", None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = _get_mixins(cls, bases)
        member_names = list(classdict._member_names)
        members = {name: dict.__getitem__(classdict, name) for name in member_names}
        body = {k: v for k, v in dict.items(classdict) if k not in classdict._member_names}
        body.pop("_ignore_", None)
        for name in classdict._ignore:
            body.pop(name, None)
        invalid = set(member_names) & {"mro", ""}
        if invalid:
            raise ValueError(f"invalid enum member name(s) {', '.join(sorted(invalid))}")
        # The constructor that builds members: a __new__ in the body, else the data type's.
        custom_new = body.get("__new__")
        if isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__
        if custom_new is not None and Enum is not None:
            body["_new_member_"] = custom_new
            del body["__new__"]
        body.setdefault("_boundary_", boundary)
        order = body.pop("_order_", None)

        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        type.__setattr__(enum_class, "_member_names_", [])
        type.__setattr__(enum_class, "_member_map_", {})
        type.__setattr__(enum_class, "_value2member_map_", {})
        type.__setattr__(enum_class, "_unhashable_values_", [])
        type.__setattr__(enum_class, "_member_type_", member_type)
        if "_new_member_" not in enum_class.__dict__ and Enum is not None:
            inherited = None
            for base in enum_class.__mro__[1:]:
                if "_new_member_" in base.__dict__:
                    inherited = base.__dict__["_new_member_"]
                    break
            type.__setattr__(enum_class, "_new_member_", inherited)
        elif Enum is None:
            type.__setattr__(enum_class, "_new_member_", None)
        if Flag is not None and issubclass(enum_class, Flag):
            type.__setattr__(enum_class, "_flag_mask_", 0)
            type.__setattr__(enum_class, "_all_bits_", 0)
        for name, value in members.items():
            metacls._add_member(enum_class, name, value, member_type)
        if Flag is not None and issubclass(enum_class, Flag):
            mask = enum_class._flag_mask_
            type.__setattr__(enum_class, "_all_bits_", (1 << mask.bit_length()) - 1 if mask else 0)
        # repr/str/format/reduce found on the data type (int.__repr__, ...) or on object
        # are replaced by the enum base's versions, unless the body defines them.
        if first_enum is not None:
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in body:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(object, name, None) or found is getattr(member_type, name, None):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        # Flags combine through Flag's operators, not the data type's (int.__or__).
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__"):
                if name not in body:
                    type.__setattr__(enum_class, name, getattr(Flag, name))
        # Calling the class looks members up; Enum.__new__ does that for every enum
        # (the data type's __new__ only builds members, through `_new_member_`).
        if Enum is not None and "__new__" not in body:
            type.__setattr__(enum_class, "__new__", Enum.__new__)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if order != enum_class._member_names_:
                raise TypeError(f"member order does not match _order_:\n  {enum_class._member_names_!r}\n  {order!r}")
        return enum_class

    @staticmethod
    def _add_member(enum_class, name, value, member_type):
        if isinstance(value, tuple) and member_type is not tuple:
            args = value
        else:
            args = (value,)
        new = enum_class._new_member_
        if new is not None:
            enum_member = new(enum_class, *args)
        elif member_type is object:
            enum_member = object.__new__(enum_class)
        else:
            enum_member = member_type.__new__(enum_class, *args)
        if not hasattr(enum_member, "_value_"):
            if member_type is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)
        # An alias when an earlier member has the same value.
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if canonical is not None:
            enum_member = canonical
        elif is_flag and isinstance(value, int) and (value == 0 or value & (value - 1)):
            # Multi-bit (or zero) flag values are aliases: not iterated.
            pass
        else:
            enum_class._member_names_.append(name)
        if is_flag and isinstance(value, int):
            if value and not value & (value - 1):
                type.__setattr__(enum_class, "_flag_mask_", enum_class._flag_mask_ | value)
        enum_class._member_map_[name] = enum_member
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        type.__setattr__(enum_class, name, enum_member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum_gnv(cls)(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        items = names.items() if hasattr(names, "items") else names
        for item in items:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                module = "__main__"
        dict.__setitem__(classdict, "__module__", module)
        if qualname is not None:
            dict.__setitem__(classdict, "__qualname__", qualname)
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                f"unsupported operand type(s) for 'in': '{type(member).__qualname__}' "
                f"and '{cls.__class__.__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __dir__(cls):
        names = {"__class__", "__doc__", "__members__", "__module__", "__contains__",
                 "__getitem__", "__iter__", "__len__", "__name__", "__qualname__",
                 "__init_subclass__"}
        names.update(cls._member_names_)
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @DynamicClassAttribute
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)


EnumMeta = EnumType


def first_enum_gnv(cls):
    return cls._generate_next_value_


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list the members in the body."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        try:
            result = cls._missing_(value)
        except ValueError:
            raise
        except Exception as e:
            exc = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
            e.__context__ = exc
            raise e
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT and isinstance(result, int):
            return result
        if result is None:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member")

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = repr(self._value_)
        member_type = type(self)._member_type_
        if member_type is not object and member_type.__repr__ is not object.__repr__:
            value_repr = member_type.__repr__(self._value_)
        return f"<{self.__class__.__name__}.{self._name_}: {value_repr}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __dir__(self):
        names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"}
        for cls in type(self).mro():
            for name, obj in cls.__dict__.items():
                if name[0] != "_" and not isinstance(obj, Enum) and cls is not Enum:
                    names.add(name)
        names.update(k for k in getattr(self, "__dict__", {}) if k[0] != "_")
        return sorted(names)

    def __format__(self, format_spec):
        if type(self)._member_type_ is object or type(self).__str__ is not Enum.__str__:
            return format(str(self), format_spec)
        return format(self._value_, format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """An enum whose `str()` and `format()` are those of the mixed-in data type."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    __str__ = int.__repr__
    __format__ = int.__format__


class StrEnum(str, ReprEnum):
    """Enum whose members are also strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return self._value_

    __format__ = str.__format__

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _bin(num, max_bits=None):
    """Two's complement binary text with the sign bit apart: `0b0 1000`."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return f"{sign} {digits}"


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum, boundary=STRICT):
    """Enum whose members can be combined with `| & ^ ~`."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError(f"invalid flag value {last_value!r}") from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        if unknown and cls._boundary_ in (STRICT, None) and not issubclass(cls, int):
            max_bits = max(value.bit_length(), flag_mask.bit_length())
            raise ValueError(
                f"{cls!r} invalid value {neg_value if neg_value is not None else value!r}\n"
                f"    given {_bin(value, max_bits)}\n  allowed {_bin(flag_mask, max_bits)}")
        if unknown and cls._boundary_ is CONFORM:
            value &= flag_mask
            unknown = 0
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        known = value & flag_mask
        if names:
            name = "|".join(names)
            if unknown:
                name += f"|{unknown}"
        else:
            name = None
        pseudo._name_ = name
        if known or unknown or value == 0:
            pseudo = cls._value2member_map_.setdefault(value, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                f"unsupported operand type(s) for 'in': {type(other).__qualname__!r} "
                f"and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ & self._value_ == m._value_ and m._value_:
                yield m

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        value_repr = repr(self._value_)
        if self._name_ is None:
            return f"<{cls_name}: {value_repr}>"
        return f"<{cls_name}.{self._name_}: {value_repr}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        return self.__class__(self._all_bits_ ^ self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""

    __str__ = int.__repr__
    __format__ = int.__format__

    def __invert__(self):
        return self.__class__(self._all_bits_ ^ self._value_)


def unique(enumeration):
    """Class decorator refusing enumerations with aliases (two names for one value)."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    return f"{module}.{self._name_}"


def global_flag_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    if self._name_ is None:
        return f"{module}.{self.__class__.__name__}({self._value_!r})"
    return "|".join(f"{module}.{name}" for name in self._name_.split("|"))


def global_str(self):
    if self._name_ is None:
        return f"{self.__class__.__name__}({self._value_!r})"
    return self._name_


def global_enum(cls, update_str=False):
    """Export the members into the module namespace and show them by bare name."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
