"""Work bounded by counting, not by the clock: a test that asserts seconds fails when the
machine is busy, and one that counts Python function calls fails only when the code does more.

`at_most(calls)` fails the block as soon as it has made more than `calls` Python function
calls (sys.setprofile counts each), so a hang or a blow-up (an exponential parse, a runaway
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
    whose .calls is the count so far."""
    work = Work()

    def profile(frame, event, arg):
        if event == "call":
            work.calls += 1
            if work.calls > calls:
                sys.setprofile(previous)
                raise TooMuchWork(f"more than {calls:,} Python function calls")

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield work
    finally:
        sys.setprofile(previous)
