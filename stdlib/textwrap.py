"""Wrapping and filling of paragraphs (Python 3.11's `textwrap`), written for gild.

Text is split into chunks (whitespace runs, words, and word parts after hyphens or
before em-dashes) by a hand-written scanner following the documented chunking rules;
lines are then filled greedily.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "
_WS = frozenset(_whitespace)


def _is_letter(c):
    return c.isalpha() or c == "_"


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _split_word(text, start, end, out):
    """Split the non-whitespace run text[start:end] at hyphens and before em-dashes."""
    i = start
    chunk_start = start
    while i < end:
        # An em-dash run between words is a chunk of its own.
        if i == chunk_start and text[i] == "-" and i > 0 and _is_word_punct(text[i - 1]):
            j = i
            while j < end and text[j] == "-":
                j += 1
            if j - i >= 2 and j < end and _is_word(text[j]):
                out.append(text[i:j])
                chunk_start = i = j
                continue
        c = text[i]
        if c == "-" and i > chunk_start:
            before_ok = (i - 2 >= chunk_start and _is_letter(text[i - 1]) and _is_letter(text[i - 2])) or \
                (i - 3 >= chunk_start and _is_letter(text[i - 1]) and text[i - 2] == "-" and _is_letter(text[i - 3]))
            after_ok = i + 1 < end and _is_letter(text[i + 1]) and (
                (i + 2 < end and _is_letter(text[i + 2])) or
                (i + 3 < end and text[i + 2] == "-" and _is_letter(text[i + 3])))
            if before_ok and after_ok:
                out.append(text[chunk_start:i + 1])
                chunk_start = i + 1
                i += 1
                continue
        # End the word before an em-dash that follows word punctuation.
        if i > chunk_start and c == "-" and _is_word_punct(text[i - 1]):
            j = i
            while j < end and text[j] == "-":
                j += 1
            if j - i >= 2 and j < end and _is_word(text[j]):
                out.append(text[chunk_start:i])
                chunk_start = i
                continue
        i += 1
    if chunk_start < end:
        out.append(text[chunk_start:end])


class TextWrapper:
    """Wraps text to `width` columns; see the module documentation for the options."""

    unicode_whitespace_trans = {ord(c): ord(" ") for c in _whitespace}

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i] in _WS:
                while j < n and text[j] in _WS:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _WS:
                    j += 1
                if self.break_on_hyphens:
                    _split_word(text, i, j, chunks)
                else:
                    chunks.append(text[i:j])
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and self._ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    @staticmethod
    def _ends_sentence(chunk):
        # [a-z][.!?]["']? at the end of the chunk.
        if chunk and chunk[-1] in "\"'":
            chunk = chunk[:-1]
        return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                last_fits = (not chunks or (self.drop_whitespace and len(chunks) == 1
                                            and not chunks[0].strip())) and cur_len <= width
                if self.max_lines is None or len(lines) + 1 < self.max_lines or last_fits:
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of the wrapped paragraph, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped paragraph as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and cut `text` to fit `width`, ending with the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the whitespace prefix common to every non-blank line."""
    lines = text.split("\n")
    # Lines of only spaces and tabs are emptied and ignored for the margin.
    lines = ["" if line and line.strip(" \t") == "" else line for line in lines]
    margin = None
    for line in lines:
        if not line:
            continue
        stripped = line.lstrip(" \t")
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            for a, b in zip(margin, indent):
                if a != b:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Put `prefix` before the lines of `text` selected by `predicate` (non-blank ones)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
