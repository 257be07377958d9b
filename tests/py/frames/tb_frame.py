# tb.tb_frame is the live frame: its f_lineno, f_locals and f_back follow the frame,
# while tb_lineno stays the line of the traceback entry.
import sys


def fail(n):
    v = n * 2
    raise KeyError(n)


def caller():
    w = 5
    fail(w)


try:
    caller()
except KeyError as e:
    tb = e.__traceback__
    while tb:
        fr = tb.tb_frame
        locs = sorted(fr.f_locals.items()) if fr.f_code.co_name != "<module>" else ""
        back = fr.f_back.f_code.co_name if fr.f_back else None
        print(fr.f_code.co_name, tb.tb_lineno, fr.f_lineno, locs, back)
        tb = tb.tb_next
    here = e.__traceback__.tb_frame
    print(here is sys._getframe(), here.f_lineno)


def handled():
    try:
        1 / 0
    except ZeroDivisionError as e:
        tb = e.__traceback__
        return tb, tb.tb_frame is sys._getframe()


tb, same = handled()
print(same, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_lineno)


def walk_stack():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def a():
    return b()


def b():
    return [walk_stack() for _ in range(1)][0]


print(a())
print(list(map(lambda _: sys._getframe(1).f_code.co_name, [0])))
