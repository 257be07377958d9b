print("pkg init", __name__)
from .core import core_value
__all__ = ["core_value", "exported"]
exported = "exp"
hidden = "hid"
