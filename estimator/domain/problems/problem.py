"""What a problem is: its group, its sources, the key figures practice asks for (an Ask) and
the problem itself; each theme's module of the library builds on them."""

from __future__ import annotations

from dataclasses import dataclass

GROUPS: tuple[str, ...] = (
    "Core distributed systems",
    "Social and content",
    "Search and query",
    "E-commerce and transactions",
    "Infrastructure",
    "The big-tech classics",
)

XU1 = "Alex Xu, System Design Interview – An Insider's Guide (vol. 1)"
XU2 = "Alex Xu and Sahn Lam, System Design Interview – An Insider's Guide (vol. 2)"
KLEPPMANN = "Martin Kleppmann, Designing Data-Intensive Applications"
PRIMER = "Donne Martin, The System Design Primer"


@dataclass(frozen=True)
class Ask:
    """A key figure practice asks for: a result of the problem's estimate and how it is named."""

    name: str
    label: str


@dataclass(frozen=True, eq=False)  # hashed by identity: a problem is a constant (practice memoizes)
class Problem:
    slug: str
    name: str
    group: str
    statement: str  # one line: what is asked, with what is given
    description: str  # given, chosen (and why), published figures
    inputs: dict[str, str]
    asks: tuple[Ask, ...]
    source: str = ""  # author, title, chapter; "" when every value is chosen here

    @property
    def headline(self) -> tuple[str, ...]:
        """The results the library shows for it: cost and nodes."""
        return ("cost_per_month", "nodes_total")


def lines(*rows: str) -> str:
    return "\n".join(rows)


def ask(name: str, label: str) -> Ask:
    return Ask(name, label)


PEAK_QPS = ask("peak_qps", "Peak requests per second")
STORAGE = ask("storage_total", "Storage held (all copies)")
COST = ask("cost_per_month", "Cost a month")
