"""The engine every calculator runs on: inputs, built-in results and the user's lines are
named expressions in one namespace, evaluated in dependency order on floats in canonical
units, each with its work printed from the same tree that computed it.

A calculator is a declaration: its inputs (inputs.py) and its formulas, each formula one
expression text (`storage_per_day = write_qps × 1 day × object_size`) compiled once at import,
dimension-checked against its declared unit, and turned into a closure. A bad input, a bad
line or a value that cannot be computed makes what depends on it unavailable, naming it;
everything else still computes. Nothing here raises for bad input.

The package, from the top down; each module imports only those below it: calculator.py (a
declaration compiled, and an estimate from texts), sample.py (the run on samples), plan.py
(the order of formulas, inputs and lines), extension.py (what an estimate's components
add), run.py (the exact run), result.py (results, rows, the estimate), declarations.py
(formulas, constraints, an extension, and what a run reads of a calculator), step.py (a
formula or line compiled), display.py (how a value is shown).
"""

from .calculator import MAX_RANGES, Calculator
from .declarations import LINES, LINES_GROUP, Constraint, Extension, Formula
from .display import Shower, api_unit, converted, shower
from .step import Step, step_for
from .result import Estimate, LineRow, Result

__all__ = ["LINES", "LINES_GROUP", "MAX_RANGES", "Calculator", "Constraint", "Estimate", "Extension", "Formula", "LineRow",
           "Result", "Shower", "Step", "api_unit", "converted", "shower", "step_for"]
