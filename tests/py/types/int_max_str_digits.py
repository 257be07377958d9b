# The integer string conversion limit (sys.set_int_max_str_digits) in str(), repr(),
# format(), %-formatting and int() parsing.
import sys

def show(f):
    try:
        r = f()
        print(r if len(r) < 60 else (len(r), r[:10]))
    except Exception as e:
        print(type(e).__name__ + ":", e)

big = 10 ** 5000
print(sys.get_int_max_str_digits())
show(lambda: str(big))
show(lambda: repr(big))
show(lambda: f'{big}')
show(lambda: format(big, ','))
show(lambda: '%d' % big)
show(lambda: str(10 ** 4299))
show(lambda: str(-10 ** 4299))
show(lambda: str(10 ** 4300))
show(lambda: str(2 ** 100000))
show(lambda: hex(big)[:8])
show(lambda: format(big, 'x')[:8])
show(lambda: str(int('9' * 4300)))
show(lambda: str(int('9' * 4301)))
show(lambda: str(int(b'9' * 4301)))
show(lambda: str(int('f' * 5000, 16))[:5])
sys.set_int_max_str_digits(5001)
show(lambda: str(big))
show(lambda: str(int('1' * 5001)))
show(lambda: str(int('1' * 5002)))
sys.set_int_max_str_digits(0)
show(lambda: str(10 ** 9000))
sys.set_int_max_str_digits(640)
show(lambda: str(10 ** 640))
show(lambda: str(10 ** 639))
show(lambda: sys.set_int_max_str_digits(5))
