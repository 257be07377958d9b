# f-string and str.format conversions !r, !s, !a with non-ASCII text and objects.
class O:
    def __repr__(self):
        return 'O(é\U0001F600)'

for v in ['é', 'abc', "it's", 'tab\t', O(), ['é'], 1.5, None]:
    print(f'{v!a}|{v!r}|{v!s}|{v!a:>20}|', '{0!a}|{0!r:.3}'.format(v), ascii(v))
