# The gc module's interface: enable/disable, thresholds, counts, tracking, callbacks,
# stats, freeze, get_objects, referents/referrers, debug flags.
import gc

print(gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
print(gc.is_tracked(1), gc.is_tracked('text'), gc.is_tracked([]), gc.is_tracked(gc))
class T:
    pass
t = T()
print(gc.is_tracked(t), gc.is_tracked(([],)))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(type(gc.garbage), gc.garbage)

events = []
def cb(phase, info):
    events.append((phase, info['generation'], sorted(info)))
gc.callbacks.append(cb)
junk = []; junk.append(junk)
del junk
gc.collect()
gc.callbacks.remove(cb)
print(events)

before = gc.get_stats()
print(len(before), sorted(before[2]))
gc.collect()
after = gc.get_stats()
print(after[2]['collections'] - before[2]['collections'])

marker = [1, 2, 3]
print(any(o is marker for o in gc.get_objects()))
inner = [4]
outer = [inner, 'x']
print(inner in gc.get_referents(outer), any(r is outer for r in gc.get_referrers(inner)))

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect(generation=1) >= 0)
try:
    gc.get_objects(generation=5)
except ValueError as e:
    print(e)
