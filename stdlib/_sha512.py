"""SHA-512 (FIPS 180-4) in pure Python, for `random.seed(str)`; `hashlib` is not in
gild yet. The round constants are computed from their definition (fractional parts of
the cube roots of the first 80 primes) instead of being tabulated.
"""

_MASK = (1 << 64) - 1


def _primes(n):
    found = []
    candidate = 2
    while len(found) < n:
        if all(candidate % p for p in found if p * p <= candidate):
            found.append(candidate)
        candidate += 1
    return found


def _iroot(n, k):
    """The integer k-th root of n (floor)."""
    x = 1 << ((n.bit_length() + k - 1) // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


_P = _primes(80)
_K = [_iroot(p << 192, 3) & _MASK for p in _P]
_H0 = [_iroot(p << 128, 2) & _MASK for p in _P[:8]]


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


class sha512:
    name = "sha512"
    digest_size = 64
    block_size = 128

    def __init__(self, data=b""):
        self._h = list(_H0)
        self._buffer = b""
        self._length = 0
        self.update(data)

    def update(self, data):
        data = bytes(data)
        self._length += len(data)
        buf = self._buffer + data
        n = len(buf) // 128 * 128
        for i in range(0, n, 128):
            self._compress(buf[i:i + 128])
        self._buffer = buf[n:]

    def _compress(self, block):
        w = [int.from_bytes(block[i:i + 8], "big") for i in range(0, 128, 8)]
        for t in range(16, 80):
            s0 = _rotr(w[t - 15], 1) ^ _rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
            s1 = _rotr(w[t - 2], 19) ^ _rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK)
        a, b, c, d, e, f, g, h = self._h
        for t in range(80):
            s1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
            ch = (e & f) ^ (~e & g)
            t1 = (h + s1 + ch + _K[t] + w[t]) & _MASK
            s0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (s0 + maj) & _MASK
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _MASK, c, b, a, (t1 + t2) & _MASK
        self._h = [(x + y) & _MASK for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]

    def copy(self):
        other = sha512.__new__(sha512)
        other._h = list(self._h)
        other._buffer = self._buffer
        other._length = self._length
        return other

    def digest(self):
        tail = self.copy()
        bitlen = tail._length * 8
        pad = b"\x80" + b"\x00" * ((111 - tail._length) % 128) + bitlen.to_bytes(16, "big")
        tail.update(pad)
        return b"".join(x.to_bytes(8, "big") for x in tail._h)

    def hexdigest(self):
        return self.digest().hex()
