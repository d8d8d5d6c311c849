"""The availability workbench (shared/spec/estimate.md, Availability workbench): what a chain
of components adds up to, what downtime a target allows and back, and how fast an error rate
burns the error budget."""

from __future__ import annotations

from collections.abc import Mapping

from . import availability as formulas
from . import formatting, system
from .engine import Calculator, Context, Estimate
from .errors import FieldError
from .inputs import Input
from .parsing import Count, Duration, Fraction, Kind, Parsed
from .units import YEAR


class SystemKind(Kind):
    """A composite of components in the project's grammar (system.py)."""

    expected = "a system"
    canonical = ""

    def want(self, example: str) -> str:
        return f"a system such as {example}"

    def clean(self, name: str, text: str, want: str) -> str:
        return text.strip() if len(text) <= system.MAX_LENGTH else text  # parse() refuses it

    def parse(self, name: str, text: str, example: str) -> Parsed:
        tree = system.parse(text)
        down = system.unavailability(tree)
        return Parsed(text, 1 - down, "", system.text_of(tree), complement=down, detail=tree)


DEFAULT_SYSTEM = "lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)"

WORKBENCH_INPUTS: tuple[Input, ...] = (
    Input("system", "System", "System", SystemKind(), DEFAULT_SYSTEM,
          "Components in series (A -> B), in parallel (A | B), N redundant copies (3 x A), grouped "
          "with parentheses; each an optional name and an availability.", "lb 99.99% -> (db 99.95% | db 99.95%)"),
    Input("target", "Availability target", "Target", Fraction(), "99.9%",
          "The availability you promise (your SLO).", "99.95%",
          minimum=0, maximum=1, exclusive_minimum=True, exclusive_maximum=True, show=formatting.percent),
    Input("window", "Window", "Target", Duration(), "30 days",
          "The period the target is measured over.", "30 days",
          minimum=0, maximum=10 * YEAR, exclusive_minimum=True, show=formatting.duration),
    Input("allowed_downtime", "Downtime you can afford (optional)", "Target", Duration(), "",
          "Gives the availability that allows exactly this much downtime per window.", "1 hour",
          minimum=0, maximum=10 * YEAR, show=formatting.duration),
    Input("error_rate", "Current error rate (optional)", "Error budget", Fraction(), "",
          "Share of requests failing now.", "0.5%",
          minimum=0, maximum=1, show=formatting.percent),
    Input("requests", "Requests in the window (optional)", "Error budget",
          Count(unit="req", nouns=("req", "reqs", "request", "requests"), noun="req"), "",
          "How many requests the window sees, for the budget in requests.", "100M",
          minimum=0, maximum=1e18, show=formatting.compact),
)

WORKBENCH = Calculator(WORKBENCH_INPUTS, ("Availability", "Downtime", "Error budget"))
_result = WORKBENCH.result


@_result("availability", "Availability of the system", "Availability", "", "percent")
def _availability(c: Context):
    given = c.input("system")
    if given is None:
        target = c.required("target")
        return target.value, f"given: {target.figure} (the target; no system given)"
    steps = system.work(given.detail)
    if not steps:
        return given.value, f"given: {given.figure}"
    return given.value, "; ".join(steps[:-1] + [steps[-1].rsplit(" = ", 1)[0]])


def _unavailability(c: Context) -> float:
    given = c.input("system")
    return given.complement if given is not None else c.required("target").complement


@_result("nines", "Nines", "Availability", "", "number")
def _nines(c: Context):
    c.r("availability")
    down = _unavailability(c)
    return formulas.nines(unavailability=down), f"−log10(1 − {c.s('availability')}) = −log10({formatting.number(down)})"


@_result("meets_target", "Meets the target", "Availability", "", "bool")
def _meets_target(c: Context):
    target = c.required("target")
    meets = _unavailability(c) <= target.complement * (1 + 1e-12)
    sign = "≥" if meets else "<"
    return meets, f"{c.s('availability')} {sign} {target.figure}"


def _downtime(period_name: str, period: float):
    def compute(c: Context):
        c.r("availability")
        value = formulas.downtime(unavailability=_unavailability(c), period=period)
        return value, f"(1 − {c.s('availability')}) × {formatting.number(period)} s/{period_name}"
    return compute


for _name, _period in formulas.PERIODS:
    _result(f"downtime_per_{_name}", f"Downtime per {_name}", "Downtime", "s", "duration")(_downtime(_name, _period))


@_result("availability_for_downtime", "Availability allowing that downtime", "Downtime", "", "percent")
def _availability_for_downtime(c: Context):
    downtime, window = c.required("allowed_downtime"), c.required("window")
    if downtime.value > window.value:
        raise FieldError("allowed_downtime", f"allowed_downtime ({downtime.figure}) is longer than the window "
                                             f"({window.figure}); make it shorter or the window longer")
    value = formulas.availability_allowing(downtime=downtime.value, window=window.value)
    return value, f"1 − {downtime.figure} ÷ {window.figure} = 1 − {formatting.number(downtime.value)} s ÷ " \
                  f"{formatting.number(window.value)} s"


@_result("error_budget", "Error budget (downtime)", "Error budget", "s", "duration")
def _error_budget(c: Context):
    target, window = c.required("target"), c.required("window")
    value = formulas.error_budget(unavailability=target.complement, window=window.value)
    return value, f"(1 − {target.figure}) × {window.figure}"


@_result("error_budget_requests", "Error budget (failed requests)", "Error budget", "req", "requests")
def _error_budget_requests(c: Context):
    target, requests = c.required("target"), c.required("requests")
    value = formulas.error_budget_requests(unavailability=target.complement, requests=requests.value)
    return value, f"(1 − {target.figure}) × {requests.figure}"


@_result("burn_rate", "Burn rate", "Error budget", "", "number")
def _burn_rate(c: Context):
    target, error_rate = c.required("target"), c.required("error_rate")
    value = formulas.burn_rate(error_rate=error_rate.value, unavailability=target.complement)
    return value, f"{error_rate.figure} ÷ (1 − {target.figure}) = {error_rate.figure} ÷ {formatting.percent(target.complement)}"


@_result("budget_exhausted_in", "Budget exhausted in", "Error budget", "s", "duration")
def _budget_exhausted_in(c: Context):
    window, burn = c.required("window"), c.r("burn_rate")
    value = formulas.budget_exhausted_in(window=window.value, burn_rate=burn)
    return value, f"{window.figure} ÷ {c.s('burn_rate')}"


def workbench(texts: Mapping[str, str]) -> Estimate:
    """Every workbench result from `texts` (missing names take their defaults)."""
    return WORKBENCH(texts)


def downtime_table(unavailabilities: list[tuple[str, float]]) -> list[tuple[str, list[str]]]:
    """Rows of (label, downtime per day/week/month/quarter/year) for each (label, 1 − availability)."""
    return [
        (label, [formatting.duration(formulas.downtime(unavailability=u, period=p)) for _, p in formulas.PERIODS])
        for label, u in unavailabilities
    ]


NINES_ROWS = [(f"{n} nine{'s' if n > 1 else ''} ({formatting.availability(1 - 10.0 ** -n)})", 10.0 ** -n)
              for n in range(1, 7)]
PERIOD_NAMES = [name for name, _ in formulas.PERIODS]
