"""A formula or a line compiled once: its closure on floats and on samples, its work template
and how its value is shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

from ..lang.compile import compile_samples, compile_tree
from ..lang.nodes import Name, Node, names_in
from ..lang.show import work_template
from .display import Shower


def _nothing(_) -> tuple:
    return ()


@dataclass(frozen=True, slots=True)
class Step:
    """One formula or line ready to run: its closure, its work template and how it shows."""

    name: str
    label: str
    group: str
    unit: str
    names: frozenset[str]
    evaluate: Callable[[Mapping[str, float]], float]
    template: str  # the work with {0}, {1}… where the names' figures go
    order: tuple[str, ...]  # the names in template order
    show: Shower
    given_by: str = ""
    api_scale: float = 1.0
    row: int = 0
    sample: Callable | None = None  # the closure on samples (compile_samples)
    alias_of: str = ""  # a result that is another under a second name (app_servers is app.nodes) shows its work
    # What it gave for the figures it read (run.py, Run._compute): the values of its names and
    # their figures as shown (its work reads them) → its value and result, a few kept.
    memo: dict = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)
    read: Callable = field(default=None, init=False, compare=False, hash=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self):
        # the memo's key: the values of its names (sorted) and the figures its work shows
        names = tuple(sorted(self.names))
        values = itemgetter(*names) if names else _nothing
        figures = itemgetter(*self.order) if self.order else _nothing
        object.__setattr__(self, "read", lambda env, shown: (values(env), figures(shown)))

    def work(self, shown: Mapping[str, str], results: Mapping, display: str) -> str:
        """Its work: the figures it reads in its template, then its own display; an alias shows
        the work of the result it names, or the input it names and its figure."""
        if self.alias_of:
            found = results.get(self.alias_of)
            return found.work if found is not None else f"{self.alias_of} = {display}"
        return self.template.format(*map(shown.__getitem__, self.order)) + " = " + display


def step_for(name: str, label: str, group: str, unit: str, tree: Node, show: Shower, *, given_by: str = "",
             alias: bool = False, named: bool = False) -> Step:
    template, order = work_template(tree, named=named)
    return Step(name, label, group, unit, names_in(tree), compile_tree(tree), template, order,
                show, given_by, sample=compile_samples(tree), alias_of=tree.name if alias and isinstance(tree, Name) else "")
