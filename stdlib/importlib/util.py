"""importlib.util for gild: the bytecode-cache path helpers."""

import sys
import _pycache


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The path of the .pyc file for the source file `path`.

    The file lives in a __pycache__ folder next to the source and its name carries
    sys.implementation.cache_tag, plus '.opt-N' for an optimization level.
    """
    if debug_override is not None:
        if optimization is not None:
            raise TypeError('the debug_override parameter is deprecated; use '
                            "'optimization' instead")
        optimization = '' if debug_override else 1
    path = _fspath(path)
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    if optimization is None:
        optimization = sys.flags.optimize
    optimization = str(optimization)
    if optimization == '0':
        optimization = ''
    if optimization and not optimization.isalnum():
        raise ValueError('{!r} is not alphanumeric'.format(optimization))
    return _pycache.cache_from_source(path, optimization)


def source_from_cache(path):
    """The source path a .pyc path in a __pycache__ folder was made from."""
    path = _fspath(path)
    head, _, name = path.rpartition('/')
    folder = head.rpartition('/')[2] if head else ''
    if folder != '__pycache__':
        raise ValueError('{} not bottom-level directory in {!r}'.format('__pycache__', path))
    if name.count('.') not in (2, 3):
        raise ValueError('expected only 2 or 3 dots in {!r}'.format(name))
    if name.count('.') == 3:
        level = name.rsplit('.', 2)[-2]
        if not level.startswith('opt-'):
            raise ValueError("optimization portion of filename does not start with "
                             "{!r}".format('opt-'))
        if not level[4:].isalnum():
            raise ValueError("optimization level {!r} is not an alphanumeric "
                             "value".format(level[4:]))
    base = name.partition('.')[0]
    parent = head.rpartition('/')[0]
    source = base + '.py'
    return parent + '/' + source if parent else source


def _fspath(path):
    if isinstance(path, str):
        return path
    fspath = getattr(type(path), '__fspath__', None)
    if fspath is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(path).__name__)
    return fspath(path)
