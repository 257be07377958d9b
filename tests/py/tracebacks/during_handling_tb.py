def cleanup():
    raise OSError("cleanup failed")
def work():
    try:
        raise ValueError("work failed")
    except ValueError:
        cleanup()
work()
