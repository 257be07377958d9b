# gi_frame / cr_frame: the generator's frame while it exists, None once finished.
import sys


def gen():
    x = 1
    yield sys._getframe().f_lineno
    x = 2
    yield x


g = gen()
print(g.gi_frame.f_lineno, g.gi_running, g.gi_frame.f_back, g.gi_frame.f_code is g.gi_code)
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_locals)
fr = g.gi_frame
print(next(g), fr.f_locals, fr is g.gi_frame)
for _ in g:
    pass
print(g.gi_frame, g.gi_code.co_name, fr.f_locals)


def gen2():
    yield g2.gi_running, g2.gi_frame.f_code.co_name, g2.gi_frame is sys._getframe()
    yield sys._getframe().f_back.f_code.co_name


g2 = gen2()
print(next(g2))


def driver():
    return next(g2)


print(driver())


async def co():
    pass


c = co()
print(c.cr_frame.f_code.co_name, c.cr_running)
c.close()
print(c.cr_frame)
