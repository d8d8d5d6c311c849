"""Helpers the language's tests share: a text read, checked and computed, and pint asked
directly for a unit's dimensionality (never the code under test)."""

import pytest

from estimator.domain.lang.compile import compile_tree
from estimator.domain.lang.dims import infer
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.parse import parse
from estimator.domain.units import Q

DAY = 86_400
MONTH = 30 * DAY
YEAR = 365 * DAY


def dims(unit: str):
    """The dimensionality of a unit, asked of pint directly."""
    return Q(1, unit).dimensionality


def value(text: str, **env: float):
    """The text's value, names given in canonical units."""
    return compile_tree(parse(text))(env)


def dimension(text: str, dims_of=None):
    return infer(parse(text), dims_of or {})


def refusal(text: str, dims_of=None) -> ExpressionError:
    """The error the text is refused with, by the parser or the dimension check."""
    with pytest.raises(ExpressionError) as error:
        infer(parse(text), dims_of or {})
    return error.value
