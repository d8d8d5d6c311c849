"""The work counter the hostile-input and parser tests bound their work with (tests/work.py)."""

import sys

import pytest

from tests.work import TooMuchWork, at_most


def _leaf():
    return None


def _ten_calls():
    for _ in range(10):
        _leaf()


def test_each_python_call_in_the_block_is_counted_once_and_no_c_call_is():
    with at_most(1_000) as work:
        _ten_calls()  # 1 call, and 10 inside it
        sorted(range(100))  # C calls: not counted
        inside = work.calls

    assert inside == 11


def test_past_the_bound_the_block_fails_at_once_and_the_counter_is_gone():
    calls = []

    def leaf():
        calls.append(1)

    with pytest.raises(TooMuchWork, match="more than 5 Python function calls"):
        with at_most(5):
            while True:  # a runaway loop: stopped at the sixth call
                leaf()

    assert len(calls) == 5
    assert sys.gettrace() is None and sys.getprofile() is None


def test_under_a_tracer_already_set_the_count_is_the_same_and_the_tracer_is_kept():
    def tracer(frame, event, arg):
        return None

    sys.settrace(tracer)
    try:
        with at_most(1_000) as work:
            _ten_calls()
            inside = work.calls
        kept = sys.gettrace()
    finally:
        sys.settrace(None)

    assert inside == 11
    assert kept is tracer and sys.getprofile() is None
