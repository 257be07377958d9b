//! Functions: Python functions (code + globals + defaults + closure), native functions
//! and methods written in Rust, and the runtime form of code objects (constants
//! materialised as values).

use std::cell::RefCell;
use std::sync::Arc;

use super::{types, Payload, PyRef, Value};
use crate::bytecode::{CodeObject, Const};
use crate::runtime::{Args, PyResult};
use crate::vm::Vm;

/// A native function: `args.args` holds `self` first for methods.
pub type NativeFn = fn(&Vm, Args) -> PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound receiver (`"abc".upper` → `self_ = "abc"`).
    pub self_: Option<Value>,
    /// A method descriptor: binds `self` when looked up through an instance.
    pub is_method: bool,
    /// For `__qualname__`/repr of methods: the owning type's name.
    pub owner: &'static str,
    /// Reads the calling frame (`locals()`, `globals()`, `vars()`, `dir()`): the VM hands
    /// it a view of the caller through `Vm::frame_view`.
    pub needs_frame: bool,
    /// The exact argument count `func` relies on (0: it checks its arguments itself). Set
    /// for the getters and setters of native properties ([`native_accessor`]), which read
    /// `args[0]` (and `args[1]`) and can be called directly (`prop.fget()`).
    pub arity: u8,
}

impl NativeFunction {
    /// Call with `args` as they are (no bound receiver to prepend). An unbound method
    /// called with no arguments at all has no receiver: CPython's `TypeError`, raised here
    /// once for every native method rather than by each.
    #[inline]
    pub fn call_unbound(&self, vm: &Vm, args: Args) -> PyResult<Value> {
        if self.is_method && args.args.is_empty() && self.name != "__new__" {
            return Err(self.missing_receiver());
        }
        if self.arity != 0 && args.args.len() != usize::from(self.arity) {
            let (name, n, k) = (self.name, self.arity, args.args.len());
            return Err(crate::runtime::PyErr::type_error(format!(
                "{name}() takes exactly {n} argument{} ({k} given)",
                if n == 1 { "" } else { "s" }
            )));
        }
        (self.func)(vm, args)
    }

    #[cold]
    fn missing_receiver(&self) -> crate::runtime::PyErr {
        let (name, owner) = (self.name, self.owner);
        // Slot wrappers (most dunders) and method descriptors word it differently.
        const METHOD_DUNDERS: &[&str] = &[
            "__round__",
            "__reduce__",
            "__reduce_ex__",
            "__format__",
            "__sizeof__",
            "__dir__",
            "__getnewargs__",
            "__getnewargs_ex__",
            "__subclasshook__",
            "__init_subclass__",
            "__class_getitem__",
            "__enter__",
            "__exit__",
            "__complex__",
            "__trunc__",
            "__floor__",
            "__ceil__",
            "__reversed__",
            "__length_hint__",
            "__setstate__",
            "__getstate__",
            "__copy__",
            "__deepcopy__",
            "__subclasses__",
            "__instancecheck__",
            "__subclasscheck__",
            "__bytes__",
            "__fspath__",
        ];
        let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
        crate::runtime::PyErr::type_error(if dunder && !METHOD_DUNDERS.contains(&name) {
            format!("descriptor '{name}' of '{owner}' object needs an argument")
        } else {
            format!("unbound method {owner}.{name}() needs an argument")
        })
    }
}

/// A Python function object.
pub struct Function {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub defaults: RefCell<Option<Value>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Box<[PyRef]>>,
    /// The argument count of a call the loop runs inline with its arguments moved into
    /// the new frame: the code's [`Code::simple_argc`] unless the code makes a generator or
    /// coroutine (`u32::MAX` then). Kept here so the call path reads it without going
    /// through the code object (the code of a function never changes).
    pub inline_argc: u32,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
}

/// The runtime code object: the compiled code, plus its constants and names as values and
/// the caches its instructions use ([`Tables`]), made the first time the code runs or is
/// looked into. (A module's code holds one code object per function, most of which a
/// program never calls: making their tables up front was a sixth of a warm start.)
pub struct Code {
    pub code: Arc<CodeObject>,
    tables: std::cell::OnceCell<Tables>,
    /// `co_consts[0]` made ahead of the tables when only the docstring is needed
    /// (`MakeFunction`); the tables then reuse it, so `f.__doc__ is co_consts[0]`.
    first_const: std::cell::OnceCell<Value>,
    /// The instructions frames run while only a profile hook is set, built on first use
    /// (`vm::trace::instrs`).
    pub profiled: std::cell::OnceCell<Box<[crate::bytecode::Instr]>>,
    /// The argument count of a call that binds by position alone (`co_argcount` when the
    /// code has no `*args`, `**kwargs`, keyword-only parameters or cell variables; else
    /// `u32::MAX`).
    pub simple_argc: u32,
}

/// What [`Code`] makes on first use.
pub struct Tables {
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// Per-name cache of `LoadGlobal` lookups (see `vm::instr::load_global_cached`).
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// Inline caches of the attribute instructions (`runtime::attr_cache`): `attr_slot[ip]`
    /// is the cache index of the `LoadAttr`/`LoadMethod`/`StoreAttr` at `ip`.
    pub attr_slot: Box<[u32]>,
    pub load_cache: Box<[crate::runtime::attr_cache::LoadCache]>,
    pub store_cache: Box<[crate::runtime::attr_cache::StoreCache]>,
}

/// Set once the interpreter is clearing its modules before exit (see [`Code`]'s `Drop`).
static EXITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The interpreter is shutting down: code objects dropped from now on keep their compiled
/// form (the process is about to end; freeing it was a sixth of a warm start's work).
pub fn exiting() {
    EXITING.store(true, std::sync::atomic::Ordering::Relaxed);
}

impl Drop for Code {
    fn drop(&mut self) {
        // Instructions, positions and names only hold memory: nothing observable runs
        // when they are freed, so at exit they are left to the operating system.
        if EXITING.load(std::sync::atomic::Ordering::Relaxed) {
            std::mem::forget(self.code.clone());
        }
    }
}

impl Code {
    /// The constants, names and caches.
    #[inline]
    pub fn tables(&self) -> &Tables {
        self.tables.get_or_init(|| Tables::new(&self.code, self.first_const.get()))
    }

    /// `co_consts[0]`, without making the other tables.
    pub fn first_const(&self) -> Option<Value> {
        if let Some(t) = self.tables.get() {
            return t.consts.first().cloned();
        }
        let first = self.code.consts.first()?;
        Some(self.first_const.get_or_init(|| const_value(first)).clone())
    }
}

impl Tables {
    /// The load cache of the attribute instruction at `ip`.
    #[inline]
    ///
    /// # Safety
    /// `ip` is the index of a `LoadAttr` or `LoadMethod` instruction of this code object.
    pub(crate) unsafe fn load_cache_at(&self, ip: usize) -> &crate::runtime::attr_cache::LoadCache {
        debug_assert!(ip < self.attr_slot.len() && (self.attr_slot[ip] as usize) < self.load_cache.len());
        // SAFETY: `ip` is the index of a `LoadAttr`/`LoadMethod` of this code (the loop
        // passes the instruction it is running), `attr_slot` has an entry per instruction
        // and `load_cache` one per such instruction (`new_code`).
        unsafe { self.load_cache.get_unchecked(*self.attr_slot.get_unchecked(ip) as usize) }
    }

    /// The store cache of the `StoreAttr` at `ip`.
    #[inline]
    pub fn store_cache_at(&self, ip: usize) -> &crate::runtime::attr_cache::StoreCache {
        &self.store_cache[self.attr_slot[ip] as usize]
    }
}

/// Where `LoadGlobal` last found a name: valid while the globals (and, for builtins, the
/// builtins) dict still has the recorded version; versions are unique across dicts.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    pub index: u32,
    pub in_builtins: bool,
}

/// A runtime code object for `code` (its tables are made on first use).
pub fn new_code(code: Arc<CodeObject>) -> PyRef {
    use crate::bytecode::code::flags;
    let simple = code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && code.kwonlyargcount == 0 && code.cellvars.is_empty();
    let simple_argc = if simple { code.argcount } else { u32::MAX };
    PyRef::new(
        &types().code,
        Payload::Code(Box::new(Code {
            code,
            tables: Default::default(),
            first_const: Default::default(),
            profiled: Default::default(),
            simple_argc,
        })),
    )
}

impl Tables {
    /// The tables of `code`; `first` is `co_consts[0]` if it was already made.
    fn new(code: &CodeObject, first: Option<&Value>) -> Tables {
        let consts = code
            .consts
            .iter()
            .enumerate()
            .map(|(k, c)| match (k, first) {
                (0, Some(v)) => v.clone(),
                _ => const_value(c),
            })
            .collect();
        let names: Vec<Value> = code.names.iter().map(|n| Value::Obj(super::str::intern(n))).collect();
        let global_cache = names.iter().map(|_| std::cell::Cell::new(GlobalCache::default())).collect();
        // One cache per attribute instruction, so each site keeps its own receiver types.
        let (mut loads, mut stores) = (0u32, 0u32);
        let attr_slot = code
            .instrs
            .iter()
            .map(|i| match i {
                crate::bytecode::Instr::LoadAttr { .. } | crate::bytecode::Instr::LoadMethod { .. } => {
                    loads += 1;
                    loads - 1
                }
                crate::bytecode::Instr::StoreAttr { .. } => {
                    stores += 1;
                    stores - 1
                }
                _ => 0,
            })
            .collect();
        let load_cache = (0..loads).map(|_| Default::default()).collect();
        let store_cache = (0..stores).map(|_| Default::default()).collect();
        Tables { consts, names, global_cache, attr_slot, load_cache, store_cache }
    }
}

/// The value of a compile-time constant.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => match num_traits::ToPrimitive::to_i64(i) {
            Some(small) => Value::Int(small),
            None => Value::from_bigint(i.clone()),
        },
        Const::Float(f) => Value::Float(*f),
        Const::Complex { real, imag } => Value::Obj(PyRef::new(&types().complex, Payload::Complex { re: *real, im: *imag })),
        Const::Str(s) => match s {
            crate::syntax::ast::PyString::Utf8(s) if super::str::is_identifier_like(s) => Value::Obj(super::str::intern(s)),
            crate::syntax::ast::PyString::Utf8(s) => Value::new_str(s.as_str()),
            // Lone surrogates cannot be stored yet (tests/py/DIVERGENCES.md).
            crate::syntax::ast::PyString::CodePoints(cps) => {
                Value::new_str(cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect::<String>())
            }
        },
        Const::Bytes(b) => Value::Obj(PyRef::new(&types().bytes, Payload::Bytes(b.clone().into_boxed_slice()))),
        Const::Ellipsis => Value::Obj(types().ellipsis.clone()),
        Const::Tuple(items) => Value::new_tuple(items.iter().map(const_value).collect()),
        Const::FrozenSet(items) => crate::runtime::set::new_frozenset_from_consts(items.iter().map(const_value).collect()),
        Const::Code(code) => Value::Obj(new_code(code.clone())),
    }
}

pub fn code_of(v: &PyRef) -> Option<&Code> {
    match &v.payload {
        Payload::Code(c) => Some(c),
        _ => None,
    }
}

pub fn function_of(v: &Value) -> Option<&Function> {
    match v.payload() {
        Some(Payload::Function(f)) => Some(f),
        _ => None,
    }
}

/// A native function object (not bound).
fn new_native(nf: NativeFunction) -> Value {
    Value::Obj(PyRef::new(&types().builtin_function, Payload::NativeFunction(Box::new(nf))))
}

/// An unbound plain native function (no receiver, not a method, no frame, any arity).
fn plain(name: &'static str, func: NativeFn) -> NativeFunction {
    NativeFunction { name, func, self_: None, is_method: false, owner: "", needs_frame: false, arity: 0 }
}

/// A native function value (not bound).
pub fn native(name: &'static str, func: NativeFn) -> Value {
    new_native(plain(name, func))
}

/// The getter (`arity` 1), setter (2) or deleter (1) of a native property: called with
/// exactly that many arguments, whoever calls it.
pub fn native_accessor(name: &'static str, func: NativeFn, arity: u8) -> Value {
    new_native(NativeFunction { arity, ..plain(name, func) })
}

/// A native function that reads its caller's frame (see `NativeFunction::needs_frame`).
pub fn native_frame(name: &'static str, func: NativeFn) -> Value {
    new_native(NativeFunction { needs_frame: true, ..plain(name, func) })
}

/// A native method descriptor for a builtin type's namespace.
pub fn native_method(owner: &'static str, name: &'static str, func: NativeFn) -> Value {
    new_native(NativeFunction { is_method: true, owner, ..plain(name, func) })
}

/// Bind a native method to a receiver.
pub fn bind_native(nf: &NativeFunction, self_: Value) -> Value {
    new_native(NativeFunction {
        self_: Some(self_),
        owner: nf.owner,
        needs_frame: nf.needs_frame,
        arity: nf.arity,
        ..plain(nf.name, nf.func)
    })
}

/// Register native methods in a type's namespace.
pub fn add_methods(cls: &PyRef, owner: &'static str, table: &[(&'static str, NativeFn)]) {
    let ns = cls.dict.borrow().clone();
    if let Some(ns) = ns {
        for (name, f) in table {
            super::dict::set_str(&ns, name, native_method(owner, name, *f));
        }
    }
}

/// Register native getters (and optional setters) as properties in a type's namespace:
/// `(name, getter(self), setter(self, value))`.
pub fn add_properties(cls: &PyRef, table: &[(&'static str, NativeFn, Option<NativeFn>)]) {
    let ns = cls.dict.borrow().clone();
    if let Some(ns) = ns {
        for (name, get, set) in table {
            let prop = PyRef::new(
                &types().property,
                Payload::Property(Box::new(super::PropertyData {
                    fget: native_accessor(name, *get, 1),
                    fset: set.map(|s| native_accessor(name, s, 2)).unwrap_or(Value::None),
                    fdel: Value::None,
                    doc: Value::None,
                    name: RefCell::new(Value::new_str(*name)),
                })),
            );
            super::dict::set_str(&ns, name, Value::Obj(prop));
        }
    }
}
