"""The plan: formulas, inputs that read names and lines in an order where each comes after
what it reads (graphlib), with names refused (taken, repeated) and cycles marked at their
rows or fields; and one way to follow it."""

from __future__ import annotations

import graphlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lang.functions import FUNCTIONS
from .declarations import Declared

if TYPE_CHECKING:
    from .run import Run


_MAX_PLANS = 256  # plans a calculator remembers (calculator.plan_memo)


def plan_of(calculator: Declared, deferred: list[str], rows: list, run: Run) -> list[tuple[str, object]]:
    """Formulas, inputs that read names, and lines in an order where each comes after what
    it reads; names refused (taken, repeated) and cycles are marked at their rows.

    A plan that refused nothing is remembered by the calculator (it lives as long as the
    calculator does) by what decides it (the names each deferred input reads, each row's name,
    the names it reads and its error), so the next keystroke, which changes a figure and not
    what reads what, does not sort again."""
    plans = calculator.plan_memo  # type: ignore[attr-defined]
    key = (tuple((name, run.inputs[name].names) for name in deferred),  # type: ignore[union-attr]
           tuple((row.name, row.names, row.error, row.component is None) for row in rows))
    known = plans.get(key)
    if known is not None:
        plan, lines_at = known
        if not lines_at:
            return plan  # a tuple: shared, and nothing can change it
        plan = list(plan)
        for index, position in lines_at:
            plan[index] = ("line", rows[position])
        return plan
    marks = (len(run.errors), len(run.row_errors), len(run.blocked), len(run.results))
    plan = _plan(calculator, deferred, rows, run)
    if marks == (len(run.errors), len(run.row_errors), len(run.blocked), len(run.results)):
        if len(plans) >= _MAX_PLANS:
            plans.clear()
        position = {id(row): index for index, row in enumerate(rows)}
        plans[key] = (tuple(plan), tuple((index, position[id(item)]) for index, (kind, item) in enumerate(plan)
                                   if kind == "line"))
    return plan


def _plan(calculator: Declared, deferred: list[str], rows: list, run: Run) -> list[tuple[str, object]]:
    lines: dict[str, object] = {}
    for row in rows:
        if row.error:
            run.row_error(row, row.error)
            continue
        if not row.name or row.component is not None:  # a component line: the calculator's extension runs it
            continue
        if row.name in calculator.reserved or row.name.startswith("ref."):
            what = ("an input" if row.name in calculator.by_name else "a result" if row.name in calculator.by_result
                    else "a function" if row.name in FUNCTIONS else "a unit or reserved word")
            run.row_error(row, f"'{row.name}' is {what}; choose another name")
            continue
        if row.name in lines:
            first = lines[row.name]
            run.row_error(row, f"'{row.name}' is already defined on line {first.number}")  # type: ignore[attr-defined]
            continue
        lines[row.name] = row
    deferred_set = set(deferred)
    if not deferred:  # formulas read no line then: they run first, the lines after them in their own order
        graph_of_lines = {name: {n for n in row.names if n in lines} for name, row in lines.items()}  # type: ignore[attr-defined]
        order_of_lines = dependency_order(calculator, graph_of_lines, lambda name: ("line", name), lines, run)
        return [("formula", step) for step in calculator.steps] + [("line", lines[name]) for name in order_of_lines]

    def node_of(name: str) -> tuple[str, str] | None:
        if name in calculator.by_result:
            return ("formula", name)
        if name in lines:
            return ("line", name)
        if name in deferred_set:
            return ("input", name)
        return None

    graph: dict[tuple[str, str], set] = {}
    for step in calculator.steps:
        needs = {node_of(n) for n in step.names} - {None}
        if step.given_by and step.given_by in deferred_set:
            needs.add(("input", step.given_by))
        graph[("formula", step.name)] = needs  # type: ignore[assignment]
    for name in deferred:
        graph[("input", name)] = {node_of(n) for n in run.inputs[name].names} - {None}  # type: ignore[union-attr]
    for name, row in lines.items():
        graph[("line", name)] = {node_of(n) for n in row.names} - {None}  # type: ignore[attr-defined]
    order = dependency_order(calculator, graph, lambda node: node, lines, run)
    plan: list[tuple[str, object]] = []
    for kind, name in order:
        if kind == "formula":
            plan.append(("formula", calculator.step_by_name[name]))
        elif kind == "input":
            if (kind, name) in graph:
                plan.append(("input", name))
        elif (kind, name) in graph:
            plan.append(("line", lines[name]))
    return plan


def dependency_order(calculator: Declared, graph: dict, node_of: Callable, lines: dict, run: Run) -> list:
    """The graph's nodes in dependency order; the members of each cycle are refused (at
    their rows, or at their fields) and left out, so what depends on them waits."""
    while True:
        try:
            return list(graphlib.TopologicalSorter(graph).static_order())
        except graphlib.CycleError as cycle:
            members = list(dict.fromkeys(cycle.args[1]))
            path = " → ".join(node_of(node)[1] for node in cycle.args[1])
            for node in members:
                kind, name = node_of(node)
                message = f"a cycle: {path}" if len(members) > 1 else f"{name} refers to itself"
                if kind == "line":
                    run.row_error(lines[name], message)
                elif kind == "input":
                    run.errors[name] = f"{name}: {message}"
                    run.blocked[name] = (name,)
                graph.pop(node, None)
            culprits = tuple(node_of(n)[1] if node_of(n)[0] == "input" else f"line {lines[node_of(n)[1]].number}"
                             for n in members if node_of(n)[0] != "formula")
            for node in members:
                kind, name = node_of(node)
                if kind == "formula":  # a built-in caught in the cycle waits for what made it
                    run.unavailable(calculator.step_by_name[name], culprits or (name,))
            for needs in graph.values():
                needs.difference_update(members)


def follow(plan: list[tuple[str, object]], runner) -> None:
    """Each step of the plan given to the runner's formula, input or line (Run computes,
    Sampling computes again on samples)."""
    for kind, item in plan:
        if kind == "formula":
            runner.formula(item)
        elif kind == "input":
            runner.input(item)
        else:
            runner.line(item)
