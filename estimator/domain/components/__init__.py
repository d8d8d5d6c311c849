"""The component kinds: one module each, found here, so a new kind is one new file.

`KINDS` maps a kind's name to its declaration (kind.py); `NONE` is the word that removes a
default component (`cache = none`).
"""

from __future__ import annotations

import importlib
import pkgutil

from .kind import GROUP, Count, Kind, Limit, Output

NONE = "none"
_NOT_KINDS = {"kind", "instance"}


def _discover() -> dict[str, Kind]:
    kinds = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name in _NOT_KINDS or module.name.startswith("_"):
            continue
        kind = importlib.import_module(f"{__name__}.{module.name}").KIND
        if kind.name != module.name:
            raise TypeError(f"components/{module.name}.py declares the kind {kind.name!r}")
        kinds[kind.name] = kind
    return dict(sorted(kinds.items()))


KINDS: dict[str, Kind] = _discover()

__all__ = ["GROUP", "KINDS", "NONE", "Count", "Kind", "Limit", "Output"]
