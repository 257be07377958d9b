"""The body of the builtin help(): a short text description of an object.

help() with no argument says how to use it; help(obj) prints the object's kind,
name, signature (for functions) and docstring, and for classes and modules the
documented functions they define. This is a small stand-in for CPython's pydoc.
"""

import sys


def _signature(func):
    code = getattr(func, '__code__', None)
    if code is None:
        return '(...)'
    names = list(code.co_varnames)
    npos = code.co_argcount
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    parts = []
    first_default = npos - len(defaults)
    for i in range(npos):
        text = names[i]
        if i >= first_default:
            text += '=' + repr(defaults[i - first_default])
        parts.append(text)
        if code.co_posonlyargcount and i == code.co_posonlyargcount - 1:
            parts.append('/')
    index = npos + nkw
    if code.co_flags & 0x04:
        parts.append('*' + names[index])
        index += 1
    elif nkw:
        parts.append('*')
    for name in names[npos:npos + nkw]:
        parts.append(name + ('=' + repr(kwdefaults[name]) if name in kwdefaults else ''))
    if code.co_flags & 0x08:
        parts.append('**' + names[index])
    return '(' + ', '.join(parts) + ')'


def _doc_lines(obj, indent):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str) or not doc:
        return []
    lines = doc.expandtabs().split('\n')
    # Remove the common leading whitespace of the lines after the first.
    margin = min((len(l) - len(l.lstrip()) for l in lines[1:] if l.strip()), default=0)
    lines = [lines[0].strip()] + [l[margin:].rstrip() for l in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    return [(indent + l) if l else indent.rstrip() for l in lines]


def _describe(obj):
    module = getattr(obj, '__module__', None)
    where = ' in module ' + module if isinstance(module, str) else ''
    if isinstance(obj, type(sys)):
        out = ['Help on module %s:' % obj.__name__, '', 'NAME', '    ' + obj.__name__, '']
        doc = _doc_lines(obj, '    ')
        if doc:
            out += ['DESCRIPTION'] + doc + ['']
        funcs = [n for n, v in sorted(vars(obj).items())
                 if not n.startswith('_') and callable(v)]
        if funcs:
            out += ['FUNCTIONS AND CLASSES'] + ['    ' + n for n in funcs] + ['']
        return out
    if isinstance(obj, type):
        bases = ', '.join(b.__module__ + '.' + b.__qualname__ if b.__module__ != obj.__module__
                          else b.__qualname__ for b in obj.__bases__)
        out = ['Help on class %s%s:' % (obj.__name__, where), '',
               'class %s(%s)' % (obj.__name__, bases)]
        out += _doc_lines(obj, ' |  ')
        for name, value in sorted(vars(obj).items()):
            if callable(value) and not (name.startswith('__') and name != '__init__'):
                out += [' |  ', ' |  %s%s' % (name, _signature(value))]
                out += _doc_lines(value, ' |      ')
        return out + ['']
    if callable(obj):
        name = getattr(obj, '__name__', type(obj).__name__)
        kind = 'function' if hasattr(obj, '__code__') else 'built-in function'
        out = ['Help on %s %s%s:' % (kind, name, where), '', name + _signature(obj)]
        return out + _doc_lines(obj, '    ') + ['']
    out = ['Help on %s object:' % type(obj).__name__, '']
    return out + (_doc_lines(type(obj), '    ') or ['    (no documentation)']) + ['']


def help(*args):
    if len(args) > 1:
        raise TypeError('help() takes at most 1 argument (%d given)' % len(args))
    if not args:
        print('Type help(object) for help about object; help("module") describes a '
              'module by name.')
        return
    obj = args[0]
    if isinstance(obj, str):
        try:
            obj = __import__(obj)
        except ImportError:
            print("No Python documentation found for %r." % obj)
            return
    print('\n'.join(_describe(obj)))
