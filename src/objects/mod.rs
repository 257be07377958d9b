//! The object model's core: [`Value`] (what a variable or stack slot holds), [`PyObject`]
//! (a heap object: header, optional `__dict__`, and a [`Payload`] saying what kind of
//! builtin object it is), and the registry of builtin types. One Python type per file in
//! this folder; behaviour shared across types (operators, attribute lookup, calls) lives in
//! `runtime`.
//!
//! Representation (DESIGN §3): `None`, `bool`, `int` values that fit in `i64`, and `float`
//! are immediates inside `Value` and never allocate. Everything else is a [`PyRef`]. An
//! exact-`int` heap object always holds a value outside the `i64` range (ints are
//! normalised), so equal ints have equal representations.

pub mod bytes;
pub mod complex;
pub mod dict;
pub mod dict_view;
pub mod exception;
pub mod function;
pub mod int;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod range;
pub mod set_table;
pub mod str;
pub mod tuple;
pub mod typeobj;
pub mod weakref;

use std::cell::RefCell;

use num_bigint::BigInt;

pub use crate::runtime::heap::PyRef;
pub use dict::DictData;
pub use exception::ExcData;
pub use function::{Function, NativeFn, NativeFunction};
pub use str::PyStr;
pub use typeobj::TypeData;

/// A Python value: an immediate or a reference to a heap object. 16 bytes. `Clone` is
/// implemented in `runtime::heap` (one 16-byte copy plus an incref for heap values).
///
/// `repr(C, u64)` makes the tag a full word and puts every payload (even `Bool`'s) at
/// offset 8, so a move is two aligned 8-byte words. With a one-byte tag, every move of a
/// `Value` (or `PyResult<Value>`) also copies bytes 1..8 (padding, or `Bool`'s byte) with
/// overlapping 4-byte loads and stores, which defeat store forwarding on the value stack
/// (seen as ~7% of `nbody` on one store).
/// `Option<Value>` and `PyResult<Value>` still use the tag's spare values as their niche.
#[derive(Debug)]
#[repr(C, u64)]
pub enum Value {
    None,
    Bool(bool),
    /// An `int` in the `i64` range.
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

impl Value {
    /// The value's class.
    #[inline]
    pub fn class(&self) -> &PyRef {
        match self {
            Value::None => &types().none_type,
            Value::Bool(_) => &types().bool,
            Value::Int(_) => &types().int,
            Value::Float(_) => &types().float,
            Value::Obj(o) => o.class(),
        }
    }

    /// Identity (`is`): immediates compare by value (and `float` by bit pattern).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    /// `id()`: the address for heap objects; a stable odd number derived from the value for
    /// immediates (heap addresses are even, so the two never collide).
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => o.addr() as i64,
            Value::None => 0x9e37_79b1,
            Value::Bool(b) => 0x9e37_79b3 + 2 * (*b as i64),
            Value::Int(i) => (i.wrapping_mul(2)).wrapping_add(1) | 1,
            Value::Float(f) => (f.to_bits() as i64) | 1,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The payload of a heap value.
    pub fn payload(&self) -> Option<&Payload> {
        self.as_obj().map(|o| &o.payload)
    }

    /// A Rust `&str` for `str` values (including subclasses).
    pub fn as_str(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// Build an int value, normalising to the immediate form when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        int::normalize(b)
    }

    pub fn new_str(s: impl str::IntoPyStr) -> Value {
        Value::Obj(str::new_str(s))
    }

    pub fn new_tuple(items: Vec<Value>) -> Value {
        Value::Obj(tuple::new_tuple(items))
    }

    pub fn new_list(items: Vec<Value>) -> Value {
        Value::Obj(list::new_list(items))
    }

    pub fn from_obj(o: PyRef) -> Value {
        Value::Obj(o)
    }

    pub fn not_implemented() -> Value {
        Value::Obj(types().not_implemented.clone())
    }

    pub fn is_not_implemented(&self) -> bool {
        matches!(self, Value::Obj(o) if o.is(&types().not_implemented))
    }
}

impl From<PyRef> for Value {
    fn from(o: PyRef) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        match i64::try_from(i) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::from_bigint(BigInt::from(i)),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::new_str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::new_str(s)
    }
}

/// A heap object. The header (reference count, flags, class) is managed by
/// `runtime::heap`; `dict` is the instance `__dict__` when the object has one.
pub struct PyObject {
    pub(crate) header: crate::runtime::heap::Header,
    pub dict: RefCell<Option<PyRef>>,
    pub payload: Payload,
}

/// What kind of builtin object a heap object is. Instances of user classes carry the
/// payload of their builtin base (`class L(list)` instances carry `List`), or `Instance`.
pub enum Payload {
    /// A plain instance (of `object` or a user class without a builtin base).
    Instance,
    Type(Box<TypeData>),
    /// An `int` outside the `i64` range, or any instance of an `int` subclass.
    Int(BigInt),
    /// An instance of a `float` subclass (plain floats are immediates).
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(Box<RefCell<DictData>>),
    Set(Box<RefCell<set_table::SetTable>>),
    FrozenSet(Box<set_table::SetTable>),
    Range {
        start: Value,
        stop: Value,
        step: Value,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Function(Box<Function>),
    NativeFunction(Box<NativeFunction>),
    BoundMethod {
        func: Value,
        self_: Value,
    },
    Code(Box<function::Code>),
    Cell(RefCell<Option<Value>>),
    Module(module::ModuleData),
    Exception(Box<RefCell<ExcData>>),
    Traceback(exception::TracebackData),
    /// A frame object (`sys._getframe()`, `tb.tb_frame`): see `vm::frame_object`.
    Frame(Box<crate::vm::frame_object::FrameObject>),
    Property(Box<PropertyData>),
    ClassMethod(Value),
    StaticMethod(Value),
    /// A `__slots__` entry on a class (`member_descriptor`): reads and writes the slot
    /// `name` of instances of `owner`.
    MemberDescr {
        name: String,
        owner: PyRef,
    },
    Super {
        this_class: PyRef,
        obj: Value,
        obj_type: PyRef,
    },
    /// An iterator over a sequence by index (`list`, `tuple`, `str`, or any `__getitem__`).
    SeqIter {
        seq: Value,
        index: std::cell::Cell<usize>,
        done: std::cell::Cell<bool>,
    },
    RangeIter {
        next: std::cell::Cell<i64>,
        stop: i64,
        step: i64,
    },
    /// Iterator over a dict's keys / values / items (`kind` 0, 1, 2) with a mutation check.
    DictIter {
        dict: PyRef,
        pos: std::cell::Cell<usize>,
        len: usize,
        kind: u8,
    },
    /// A live view of a dict: `keys()` / `values()` / `items()` (`kind` 0, 1, 2).
    DictView {
        dict: PyRef,
        kind: u8,
    },
    /// A read-only view of a mapping (`types.MappingProxyType`, a class's `__dict__`):
    /// see `objects::mappingproxy`.
    MappingProxy(Value),
    /// `zip`, `map`, `enumerate`, `reversed`, ... : native iterators written in Rust.
    NativeIter(Box<dyn crate::runtime::iter::NativeIterator>),
    Generator(Box<crate::vm::generator::GenObject>),
    /// A weak reference or proxy (`weakref.ref`, `weakref.proxy`).
    WeakRef(Box<weakref::WeakRefData>),
    /// Singletons with no state: `NotImplemented`, `Ellipsis`, the call-protocol marker.
    Singleton,
    /// State of an object defined by a native module (open files, ...), reached by
    /// downcasting; its Rust `Drop` is the object's finaliser (e.g. closing the file).
    Native(Box<dyn std::any::Any>),
}

impl PyObject {
    /// Does dropping this object need the finaliser hook (its class defines `__del__`)?
    pub(crate) fn needs_finalizer(&self, class: &PyRef) -> bool {
        match &self.payload {
            // A suspended generator is closed (its `finally` blocks run) when collected.
            Payload::Generator(g) => g.state.get() == crate::vm::generator::GenState::Suspended,
            Payload::Instance | Payload::Exception(_) | Payload::List(_) | Payload::Dict(_) => {
                typeobj::type_data(class).is_some_and(|t| t.has_del.get())
            }
            _ => false,
        }
    }
}

/// The state of a `property` (boxed: it is the largest payload and properties are few).
pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The attribute name, from `__set_name__` (for error messages).
    pub name: RefCell<Value>,
}

/// The builtin types and singletons, created once at start-up and immortal.
pub struct Types {
    pub object: PyRef,
    pub type_: PyRef,
    pub none_type: PyRef,
    pub bool: PyRef,
    pub int: PyRef,
    pub float: PyRef,
    pub complex: PyRef,
    pub str: PyRef,
    pub bytes: PyRef,
    pub bytearray: PyRef,
    pub list: PyRef,
    pub tuple: PyRef,
    pub dict: PyRef,
    pub set: PyRef,
    pub frozenset: PyRef,
    pub range: PyRef,
    pub slice: PyRef,
    pub function: PyRef,
    pub builtin_function: PyRef,
    pub method: PyRef,
    pub code: PyRef,
    pub cell: PyRef,
    pub module: PyRef,
    pub traceback: PyRef,
    pub frame: PyRef,
    pub property: PyRef,
    pub classmethod: PyRef,
    pub staticmethod: PyRef,
    pub super_: PyRef,
    pub member_descriptor: PyRef,
    pub seq_iterator: PyRef,
    pub range_iterator: PyRef,
    pub dict_keyiterator: PyRef,
    pub dict_valueiterator: PyRef,
    pub dict_itemiterator: PyRef,
    pub set_iterator: PyRef,
    pub dict_keys: PyRef,
    pub dict_values: PyRef,
    pub dict_items: PyRef,
    pub mappingproxy: PyRef,
    pub native_iterator: PyRef,
    /// The iterator types that are builtins (`map`, `zip`, ...) or have a name of their
    /// own in CPython; all carry `Payload::NativeIter`.
    pub enumerate: PyRef,
    pub zip: PyRef,
    pub map: PyRef,
    pub filter: PyRef,
    pub reversed: PyRef,
    pub callable_iterator: PyRef,
    pub list_reverseiterator: PyRef,
    pub dict_reverseiterators: [PyRef; 3],
    /// `iter()` of a list, tuple, ASCII str, other str, bytes, bytearray (`Payload::SeqIter`).
    pub seq_iterators: [PyRef; 6],
    pub generator: PyRef,
    pub coroutine: PyRef,
    pub async_generator: PyRef,
    pub not_implemented_type: PyRef,
    pub ellipsis_type: PyRef,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    /// Pushed by `LoadMethod` when there is no `self` to pass; never visible to Python.
    pub no_self: PyRef,
    pub exc: exception::ExcTypes,
}

static TYPES: once_cell::sync::OnceCell<crate::runtime::gil::GilShared<Types>> = once_cell::sync::OnceCell::new();

/// The builtin types. Panics if called before [`init_types`] (an interpreter bug).
#[inline]
pub fn types() -> &'static Types {
    match TYPES.get() {
        Some(t) => t.get(),
        None => init_types(),
    }
}

/// Create the builtin types (idempotent).
pub fn init_types() -> &'static Types {
    TYPES.get_or_init(|| crate::runtime::gil::GilShared::new(typeobj::bootstrap())).get()
}
