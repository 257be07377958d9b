def load(path):
    try:
        return int(path)
    except ValueError as e:
        raise RuntimeError(f"cannot load {path}") from e
def main():
    load("not-a-number")
main()
