"""The one unit registry of the process, built once at import from units.txt.

Request text never reaches this registry: the language (lang/parse.py) reads numbers and unit
words with the project's own grammar and looks each word up in lexicon.py, which asks pint for that
unit's factor and dimensionality once.
"""

from __future__ import annotations

from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

ureg = pint.UnitRegistry(str(DEFINITIONS))
Q = ureg.Quantity
