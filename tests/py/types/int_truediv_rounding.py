# int / int is correctly rounded even when the operands are not exact floats
a = 576460752303423488
b = 12009599006321323
print(a / b, 10**30 / 3, (2**80 + 1) / 3**40, 12345678901234567890123 / 98765432109876543)
print(2**1100 / 3**600, -(2**1100) / 3**600, (2**64 + 1) / 2**64, 9007199254740993 / 1, -9007199254740993 / 3)
for x, y in [(2**2000, 1), (1, 0)]:
    try:
        print(x / y)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
