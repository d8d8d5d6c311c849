"""The language's own exceptions: text that is not a valid expression (an InputError, so the
edges show it at the field or line), and a value that cannot be computed."""

from __future__ import annotations

from ..errors import InputError


class ExpressionError(InputError):
    """Text that is not a valid expression, with the 1-based column where it went wrong."""

    def __init__(self, message: str, column: int | None = None):
        self.reason = message
        self.column = column
        super().__init__(f"{message} (column {column})" if column else message)


class UnknownUnit(ExpressionError):
    """A word after a number that is not a unit: fields rephrase it in their own terms."""

    def __init__(self, message: str, column: int, *, number: str, word: str, suggestion: str = ""):
        super().__init__(message, column)
        self.number = number
        self.word = word
        self.suggestion = suggestion  # what the message asks "did you mean": "5 KB"; "" for none


class UnknownName(ExpressionError):
    def __init__(self, message: str, column: int, *, name: str):
        super().__init__(message, column)
        self.name = name


class EvaluationError(ArithmeticError):
    """A value that cannot be computed (the log of 0, the root of a negative)."""
