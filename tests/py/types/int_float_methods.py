# int and float methods: bit_length/bit_count, to_bytes/from_bytes, as_integer_ratio, hex/fromhex, errors
print((0).bit_length(), (255).bit_length(), (-256).bit_length(), (2**100).bit_length(), (7).bit_count(), (-7).bit_count(), True.bit_length())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True), (5).to_bytes(), (0).to_bytes(0, 'big'), (-129).to_bytes(2, byteorder='little', signed=True))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\xff\xff', 'little', signed=True), int.from_bytes([1, 2]), int.from_bytes(b''), bool.from_bytes(b'\x01', 'big'))
print((3).as_integer_ratio(), (2**70).as_integer_ratio(), (0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1.5).is_integer(), (2.0).is_integer(), (1.5).hex(), float.fromhex('0x1.8p1'), (3).conjugate(), (1.5).conjugate())
for f in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'), lambda: (1).to_bytes(-1, 'big'), lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(), lambda: float.fromhex('zz')]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
import math
print(math.trunc(5), math.floor(5), math.ceil(-5))
class MyInt(int): pass
print(type(MyInt.from_bytes(b'\x01', 'big')).__name__, MyInt(5).bit_length())
