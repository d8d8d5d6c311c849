"""Work bounded by counting, not by the clock: a test that asserts seconds fails when the
machine is busy, and one that counts Python function calls fails only when the code does more.

`at_most(calls)` fails the block as soon as it has made more than `calls` Python function
calls (a trace function counts each), so a hang or a blow-up (an exponential parse, a runaway
loop) ends in a failure at once instead of running on. Bounds are set well above what the
work costs today, cold memos included (each test says how far), so only a change of kind
fails them; how fast the work is belongs in bench/."""

from __future__ import annotations

import sys
from contextlib import contextmanager


class TooMuchWork(BaseException):
    """Raised inside the measured code: a BaseException, so no `except Exception` in the code
    under test can swallow it."""


class Work:
    calls = 0


@contextmanager
def at_most(calls: int):
    """Run the block counting its Python function calls; fail past `calls`. Yields a Work
    whose .calls is the count so far.

    The count is taken by a global trace function (sys.settrace) that returns None: Python
    calls it once for each Python frame entered (the same "call" events a profile function
    gets) and never for lines or C calls, where a profile function (sys.setprofile) is called
    four times a Python call (call, return, and each C call and its return). Same counts, about
    half the cost: the hostile-input tests count ~2,600 requests. Where a tracer is already set
    (coverage, a debugger), it is left alone and the profile function counts instead."""
    work = Work()

    def count(frame, event, arg):
        if event == "call":
            work.calls += 1
            if work.calls > calls:
                install(previous)
                raise TooMuchWork(f"more than {calls:,} Python function calls")

    if sys.gettrace() is None:
        previous, install = None, sys.settrace
    else:
        previous, install = sys.getprofile(), sys.setprofile
    install(count)
    try:
        yield work
    finally:
        install(previous)
