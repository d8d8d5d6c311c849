"""A check's verdict, decided once for every renderer: it passes, it fails, or over ranges it
passes in some cases only ("partial"); the word for the first two, and over ranges the
display that says how often ("passes in 83% of cases", "passes in every case")."""

from __future__ import annotations

from dataclasses import dataclass

from estimator.domain.engine import Result


@dataclass(frozen=True, slots=True)
class Verdict:
    state: str  # "pass", "fail" or "partial": also the summary item's class
    word: str  # "passes" or "fails": the median case over ranges
    detail: str = ""  # over ranges: how often it passes

    @property
    def partial(self) -> bool:
        """Whether it passes in some cases only."""
        return self.state == "partial"

    @property
    def text(self) -> str:
        """What the summary writes after the check's name."""
        return self.detail or self.word


def verdict(result: Result) -> Verdict:
    """The verdict of a check (a result whose value is yes or no)."""
    spread = result.spread
    word = "passes" if result.value else "fails"
    detail = result.display if spread is not None else ""
    if spread is not None and spread.varies:
        return Verdict("partial", word, detail)
    return Verdict("pass" if result.value else "fail", word, detail)
