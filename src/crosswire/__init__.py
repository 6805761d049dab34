"""crosswire: a cross-checked record of what happened and who says so, from raw news."""

__version__ = "0.1.0"
