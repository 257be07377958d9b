# warnings: default filters and message format with source line, registry (once per line), catch_warnings(record), simplefilter/filterwarnings, errors
import warnings

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)

warnings.warn("plain user warning")
warnings.warn("plain user warning")  # a second line: shown again (different line)
for i in range(3):
    warnings.warn("in a loop")       # shown once (same line)
old()
warnings.warn(RuntimeWarning("instance warning"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded one", UserWarning)
    warnings.warn("recorded two", SyntaxWarning)
    old()
print([(type(w.message).__name__, str(w.message), w.category.__name__, w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", repr(e))
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="skip.*me")
    warnings.warn("skip this me")
    warnings.warn("SKIP ME too")
    warnings.warn("do not skip")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", category=UserWarning)
    warnings.warn("hidden")
    warnings.warn("visible bytes", BytesWarning)
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line text"))
try:
    warnings.warn("x", "notaclass")
except TypeError as e:
    print(e)
def shower(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = shower
warnings.warn("to custom")
warnings.showwarning = warnings._showwarning_orig
warnings.warn("pending", PendingDeprecationWarning)
print(len(warnings.filters) >= 5, warnings.filters[-1][2].__name__)
