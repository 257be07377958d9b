# textwrap: wrap/fill with hyphens, em-dashes, long words, indents, max_lines; dedent/indent/shorten
import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known pangram -- used by "
        "type-setters and font-designers alike -- contains every letter. Supercalifragilisticexpialidocious!")
for width in (10, 15, 22, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 12, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap("a\tb\nc  d", 5), textwrap.wrap("  leading and trailing  ", 8, drop_whitespace=False))
print(textwrap.wrap(text, 20, max_lines=3), textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.shorten("Hello  world!  This is   long", width=15), textwrap.shorten("short", 10))
print(textwrap.wrap("End. Next sentence. yes!  ok", 80, fix_sentence_endings=True))
print(textwrap.wrap("look-ahead x-ray e-mail a-b-c well--done -- -x", 6))
print(textwrap.wrap("", 10), textwrap.wrap("word", 1))
print(repr(textwrap.dedent("""
    def f():
        return 1
      \t
    end
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   x\n   \n   y")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.shorten("abc def", 3)
except ValueError as e:
    print("ValueError", e)
