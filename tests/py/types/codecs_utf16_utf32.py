# str.encode / bytes.decode with the UTF-16 and UTF-32 codecs (byte order marks,
# surrogate pairs, decode errors and handlers) and utf-8-sig.
cases = [(b'\xff\xfe\x00', 'utf-16'), (b'a\x00\x00', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'),
         (b'\x00\xdca\x00', 'utf-16-le'), (b'\x00\xd8', 'utf-16-le'), (b'\x00\xd8', 'utf-16'),
         (b'\xd8\x00\x00a', 'utf-16-be'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\xd8\x00\x00', 'utf-32-le'),
         (b'\x00\x00', 'utf-32'), (b'\xff\xfe\x00\x00a\x00\x00\x00\x00', 'utf-32'), (b'a\x00\x00', 'utf_16'),
         (b'\xef\xbb\xbfab', 'utf-8-sig'), (b'ab', 'utf-8-sig'),
         (b'\xfe\xff\x00a', 'utf-16'), (b'\xfe\xff\xd8\x00', 'utf-16'), (b'=\xd8\x00\xde', 'UTF-16LE'),
         (b'\x00\x00\xfe\xff\x00\x01\xf6\x00', 'utf-32'), (b'a\x00b\x00', 'u16'), (b'', 'utf-16'), (b'', 'utf-32')]
for b, c in cases:
    for err in ['strict', 'replace', 'backslashreplace', 'ignore']:
        try:
            print(b, c, err, repr(b.decode(c, err)))
        except UnicodeDecodeError as e:
            print(b, c, err, '!!', e, (e.encoding, e.start, e.end, e.reason))
for s in ['', 'a', 'é\U0001F600']:
    for c in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf_32_le', 'UTF-32BE', 'utf-8-sig', 'UTF16', 'u32']:
        enc = s.encode(c)
        print(repr(s), c, enc, enc.decode(c) == s)
print(str(b'a\x00', 'utf-16-le'), bytes('x', 'utf-16-be'), bytearray('x', 'utf-32-le'))
