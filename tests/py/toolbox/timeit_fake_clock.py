# timeit's command line and Timer API driven by a fake clock that advances 1 ms per
# statement run, so every figure (auto-ranging, units, verbose output) is exact.
import sys
import timeit

calls = [0]


def tick():
    calls[0] += 1


timeit.tick = tick


def fake(real_timer):
    return lambda: calls[0] * 0.001


def run(*args):
    calls[0] = 0
    status = timeit.main(list(args) + ['tick()'], _wrap_timer=fake)
    print('->', status)


run()
run('-n', '7')
run('-n', '3', '-r', '2', '-u', 'usec')
run('-v')
run('-vv', '-r', '1')
run('--number=4', '--repeat', '1', '--unit=sec')
run('-u', 'nsec', '-n2', '-r1')
run('-s', 'x = 1', '-s', 'y = 2', '-n', '1', '-r', '1')
run('-p', '-n', '1', '-r', '1')
run('-r', '0', '-n', '1')
sys.stderr = sys.stdout
run('-u', 'parsec')
run('-x')
run('--bogus')
for args in [['--num', '2', '-r', '1', 'tick()'], ['-n'], ['--unit'], ['--re=1', '--n=1'],
             ['--help=3']]:
    calls[0] = 0
    print('->', timeit.main(args, _wrap_timer=fake))

t = timeit.Timer('tick()', timer=fake(None), globals={'tick': tick})
calls[0] = 0
print(round(t.timeit(50), 6), [round(x, 6) for x in t.repeat(3, 10)])
seen = []
print(t.autorange(lambda n, dt: seen.append(n)), seen)
t = timeit.Timer(tick, setup=tick, timer=fake(None))
print(round(t.timeit(10), 6))
print(round(timeit.timeit('tick()', 'tick()', fake(None), 5, {'tick': tick}), 6))
print([round(x, 6) for x in timeit.repeat(tick, timer=fake(None), repeat=2, number=3)])
for bad in [(1,), ('pass', 2)]:
    try:
        timeit.Timer(*bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    timeit.Timer('x = (')
except SyntaxError as e:
    print('SyntaxError:', e.filename, e.lineno)
try:
    timeit.Timer('return 1')
except SyntaxError as e:
    print('SyntaxError:', e.msg, e.filename)
print(timeit.default_timer is __import__('time').perf_counter, timeit.default_number, timeit.default_repeat)
