"""The problem library: the classic systems that design courses, books and interviews ask
about, each a saved scenario on every install (README, Problems).

A problem tells its system's story like a preset (presets.py): the inputs its statement gives,
the values chosen where it gives none (named in its description, with why), the components the
system needs as lines, its own questions as lines and its requirements as checks. Where a book
or primer publishes an estimate, the problem carries the figures (never the text) and names the
source; the lines compute the exact arithmetic beside the published figure, and a comment says
how far the published figure rounds it. `asks` are the key figures practice mode asks for
(practice.py grades them).
"""

from __future__ import annotations

from . import classics, commerce, core, infrastructure, search, social
from .problem import COST, GROUPS, KLEPPMANN, PEAK_QPS, PRIMER, STORAGE, XU1, XU2, Ask, Problem, ask, lines

__all__ = ["BY_SLUG", "COST", "GROUPS", "KLEPPMANN", "PEAK_QPS", "PRIMER", "PROBLEMS", "STORAGE", "XU1", "XU2", "Ask",
           "Problem", "ask", "lines"]

# The library in the order of GROUPS: a module a theme.
PROBLEMS: tuple[Problem, ...] = (*core.PROBLEMS, *social.PROBLEMS, *search.PROBLEMS, *commerce.PROBLEMS,
                                 *infrastructure.PROBLEMS, *classics.PROBLEMS)

BY_SLUG = {problem.slug: problem for problem in PROBLEMS}
