# The structured side of dis: Instruction fields, Bytecode, first_line, code_info,
# show_code, the opcode tables, findlinestarts and findlabels.
import dis


def f(a, b=1):
    while a:
        a -= b
    return a


for instr in dis.get_instructions(f):
    print(instr.offset, instr.opname, instr.arg, repr(instr.argval), repr(instr.argrepr),
          instr.starts_line, instr.is_jump_target, tuple(instr.positions))
first = next(dis.get_instructions(f, first_line=100))
print(first.starts_line, first.positions.lineno, first._fields)
print(first == first._replace(), first._replace(arg=9).arg, type(first).__name__)

bc = dis.Bytecode(f)
print(bc.first_line, bc.codeobj is f.__code__, len(list(bc)) == len(list(bc)))
print(bc.dis() == ''.join(_ for _ in [bc.dis()]))
print(bc.info())
print(dis.code_info('lambda: 0'))
dis.show_code(f)
print(dis.pretty_flags(0x23), dis.pretty_flags(0), dis.pretty_flags(0x100000))
print(sorted(dis.opmap)[:5])
print(all(dis.opname[v] == k for k, v in dis.opmap.items()))
print(dis.opmap['LOAD_CONST'] in dis.hasconst, dis.opmap['LOAD_FAST'] in dis.haslocal,
      dis.opmap['FOR_ITER'] in dis.hasjrel, dis.opmap['COMPARE_OP'] in dis.hascompare)
print(list(dis.findlinestarts(f.__code__)))
print(dis.findlabels(f.__code__))
try:
    dis.Bytecode(3)
except TypeError as e:
    print('TypeError:', e)
