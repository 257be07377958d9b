def classify(cmd):
    match cmd.split():
        case ["go", direction] if direction in ("north", "south"):
            return f"going {direction}"
        case ["go", _]:
            return "bad direction"
        case ["pick", "up", *items] as whole:
            return f"picking {items} from {whole}"
        case [("quit" | "exit") as word]:
            return f"bye ({word})"
        case _:
            return "unknown"
for c in ["go north", "go west", "pick up a b", "quit", "exit", "dance"]:
    print(classify(c))
RED = 1
class C:
    RED = "red"
match "red":
    case C.RED:
        print("value pattern")
