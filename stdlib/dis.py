"""Disassemble gild bytecode: dis.dis, get_instructions, Bytecode, code_info, show_code.

gild runs its own instruction set (src/bytecode/opcode.rs), named like CPython's where
the meaning matches. The listing has CPython 3.11's layout: source line, `>>` for jump
targets, the instruction's offset (an instruction index in gild), opcode name, argument
and the resolved argument in parentheses, then the exception table. Offsets count
instructions, so jump arguments read "to N" with N an offset in the same listing.
"""

import sys
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "opname", "opmap", "HAVE_ARGUMENT", "hasconst", "hasname", "hasjrel",
           "hasjabs", "haslocal", "hascompare", "hasfree", "COMPILER_FLAG_NAMES"]


# ---- the opcode tables ----

_numbered = _dis.opcodes()
opname = ['<%d>' % n for n in range(256)]
opmap = {}
for _num, _name in _numbered:
    opname[_num] = _name
    opmap[_name] = _num
del _num, _name, _numbered

# gild's numbering does not split opcodes with and without an argument.
HAVE_ARGUMENT = 0


def _having(*names):
    return sorted(opmap[n] for n in names if n in opmap)


hasconst = _having('LOAD_CONST')
hasname = _having('LOAD_NAME', 'STORE_NAME', 'DELETE_NAME', 'LOAD_GLOBAL', 'STORE_GLOBAL',
                  'DELETE_GLOBAL', 'LOAD_ATTR', 'STORE_ATTR', 'DELETE_ATTR', 'LOAD_METHOD',
                  'IMPORT_NAME', 'IMPORT_FROM')
hasjrel = _having('JUMP_FORWARD', 'JUMP_BACKWARD', 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE',
                  'POP_JUMP_IF_NONE', 'POP_JUMP_IF_NOT_NONE', 'JUMP_IF_FALSE_OR_POP',
                  'JUMP_IF_TRUE_OR_POP', 'FOR_ITER', 'SEND')
hasjabs = []
haslocal = _having('LOAD_FAST', 'STORE_FAST', 'DELETE_FAST')
hascompare = _having('COMPARE_OP')
hasfree = _having('LOAD_DEREF', 'STORE_DEREF', 'DELETE_DEREF', 'LOAD_CLASSDEREF',
                  'LOAD_CLOSURE')

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


# ---- records ----

def _record(typename, field_names):
    # A small named tuple (collections may not be available this early).
    fields = tuple(field_names)

    def __new__(cls, *args, **kwargs):
        values = list(args)
        for name in fields[len(values):]:
            if name not in kwargs:
                raise TypeError('%s() missing required argument: %r' % (typename, name))
            values.append(kwargs.pop(name))
        if kwargs or len(values) != len(fields):
            raise TypeError('%s() takes %d arguments' % (typename, len(fields)))
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ', '.join('%s=%r' % (n, v) for n, v in zip(fields, self))
        return '%s(%s)' % (typename, inner)

    def _replace(self, **changes):
        return type(self)(*[changes.pop(n, v) for n, v in zip(fields, self)])

    def _asdict(self):
        return dict(zip(fields, self))

    namespace = {'__slots__': (), '_fields': fields, '__new__': __new__,
                 '__repr__': __repr__, '_replace': _replace, '_asdict': _asdict}
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, i=index: self[i])
    return type(typename, (tuple,), namespace)


Positions = _record('Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'])

_Instruction = _record('_Instruction', ['opname', 'opcode', 'arg', 'argval', 'argrepr',
                                        'offset', 'starts_line', 'is_jump_target',
                                        'positions'])


class Instruction(_Instruction):
    """One instruction: opname, opcode, arg (None without one), argval (the resolved
    argument), argrepr (its text), offset, starts_line (the line it begins, or None),
    is_jump_target, positions (a Positions of the source range)."""
    __slots__ = ()

    def __repr__(self):
        inner = ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self))
        return 'Instruction(%s)' % inner


def _instructions(code, line_offset=0):
    for row in _dis.instructions(code):
        (name, op, arg, argval, argrepr, offset, starts_line, is_target, pos) = row
        if starts_line is not None:
            starts_line += line_offset
        yield Instruction(name, op, arg, argval, argrepr, offset, starts_line, is_target,
                          Positions(*pos))


# ---- finding the code object ----

_CodeType = type(_instructions.__code__)


def _try_compile(source, name):
    # An expression disassembles as one (eval mode), anything else as a module.
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _get_code_object(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, '<disassembly>')
    if isinstance(x, _CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _nested_codes(code):
    return [c for c in code.co_consts if isinstance(c, _CodeType)]


# ---- printing ----

def _write(text, file):
    (sys.stdout if file is None else file).write(text)


def _disassemble_recursive(code, file=None, depth=None):
    _write(_dis.disassemble(code), file)
    if depth is None or depth > 0:
        if depth is not None:
            depth -= 1
        for inner in _nested_codes(code):
            _write('\nDisassembly of %r:\n' % (inner,), file)
            _disassemble_recursive(inner, file, depth)


def _is_disassemblable(value):
    return (isinstance(value, (_CodeType, type, classmethod, staticmethod))
            or hasattr(value, '__code__') or hasattr(value, '__func__'))


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a function, method, class, module, generator, code object or
    source string (nested code objects follow, down to `depth` levels). For a class
    or module, each function and class in it is shown; with no argument, the last
    traceback."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__') and not isinstance(x, _CodeType):
        for name, value in sorted(x.__dict__.items()):
            if _is_disassemblable(value):
                _write('Disassembly of %s:\n' % name, file)
                try:
                    dis(value, file=file, depth=depth)
                except TypeError as msg:
                    _write('Sorry: %s\n' % msg, file)
                _write('\n', file)
    elif isinstance(x, _CodeType):
        _disassemble_recursive(x, file, depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file, depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble the code of a traceback's innermost frame (default: the last one)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object (no nested ones)."""
    _write(_dis.disassemble(co), file)


disco = disassemble


def pretty_flags(flags):
    """The names of the bits set in co_flags, joined by ', '."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ', '.join(names)


def _format_code_info(co):
    lines = [
        'Name:              %s' % co.co_name,
        'Filename:          %s' % co.co_filename,
        'Argument count:    %s' % co.co_argcount,
        'Positional-only arguments: %s' % co.co_posonlyargcount,
        'Kw-only arguments: %s' % co.co_kwonlyargcount,
        'Number of locals:  %s' % co.co_nlocals,
        'Stack size:        %s' % co.co_stacksize,
        'Flags:             %s' % pretty_flags(co.co_flags),
    ]
    for title, items, fmt in [('Constants:', co.co_consts, '%4d: %r'),
                              ('Names:', co.co_names, '%4d: %s'),
                              ('Variable names:', co.co_varnames, '%4d: %s'),
                              ('Free variables:', co.co_freevars, '%4d: %s'),
                              ('Cell variables:', co.co_cellvars, '%4d: %s')]:
        if items:
            lines.append(title)
            for pair in enumerate(items):
                lines.append(fmt % pair)
    return '\n'.join(lines)


def code_info(x):
    """A text summary of the code object of `x` (names, counts, flags, tables)."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print code_info(co)."""
    _write(code_info(co) + '\n', file)


def findlinestarts(code):
    """(offset, line) for each instruction that starts a source line."""
    for instr in _instructions(code):
        if instr.starts_line is not None:
            yield instr.offset, instr.starts_line


def findlabels(code):
    """The offsets that are jump targets."""
    return [i.offset for i in _instructions(code) if i.is_jump_target]


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of Instruction for the code of `x`; `first_line` renumbers the
    lines so that the code's first line has that number."""
    return iter(Bytecode(x, first_line=first_line))


class Bytecode:
    """The instructions of a piece of code, iterable as Instruction objects; dis()
    gives the listing as a string and info() the code_info text."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        return _instructions(self.codeobj, self._line_offset)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """The Bytecode of a traceback's innermost frame."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        return _dis.disassemble(self.codeobj)


def _main():
    # `gild -m dis [FILE]`: disassemble a source file (standard input without one).
    args = sys.argv[1:]
    if len(args) > 1 or (args and args[0].startswith('-') and args[0] != '-'):
        if args and args[0] in ('-h', '--help'):
            sys.stdout.write('usage: dis.py [-h] [infile]\n\npositional arguments:\n'
                             '  infile\n\noptions:\n'
                             '  -h, --help  show this help message and exit\n')
            sys.exit(0)
        sys.stderr.write('usage: dis.py [-h] [infile]\n'
                         'dis.py: error: unrecognized arguments: %s\n' % ' '.join(args[1:] or args))
        sys.exit(2)
    if not args or args[0] == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read() if hasattr(sys.stdin, 'buffer') else sys.stdin.read()
    else:
        name = args[0]
        try:
            with open(name, 'rb') as f:
                source = f.read()
        except OSError as e:
            sys.stderr.write('usage: dis.py [-h] [infile]\n'
                             "dis.py: error: argument infile: can't open '%s': %s\n" % (name, e))
            sys.exit(2)
    dis(compile(source, name, 'exec'))


if __name__ == '__main__':
    _main()
