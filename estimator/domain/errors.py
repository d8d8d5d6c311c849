"""The engine's own exceptions. The edges turn them into field errors, a 400, or exit 2."""


class EstimateError(Exception):
    """Anything the engine refuses to compute, with a message meant for the user."""


class InputError(EstimateError):
    """One input's text could not be read as that input's kind, or is out of its bounds."""


class SystemSyntaxError(InputError):
    """An availability `system` expression is malformed at a given column (1-based)."""

    def __init__(self, message: str, column: int):
        super().__init__(f"{message} at column {column}")
        self.column = column


class FieldError(InputError):
    """An input that parsed but does not fit with another (allowed_downtime > window)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
