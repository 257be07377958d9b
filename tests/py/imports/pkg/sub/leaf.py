from .. import core
from ..core import core_value as cv
from . import sibling
value = (core.core_value, cv, sibling.NAME)
