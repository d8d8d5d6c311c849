"""Every built-in result is one declaration: an expression and a canonical unit. Here each
declaration's expression is checked against its unit: the tree's dimensionality (from the
inputs' kinds and the other results' declared units) must be pint's dimensionality of the unit
it declares, and that unit must be the one the spec names. Nothing is re-computed."""

import pint
import pytest

from estimator.domain import reference

from estimator.domain.architecture import DEFAULTS
from estimator.domain.components import KINDS

from estimator.domain import estimate as estimate_module
from estimator.domain import workbench
from estimator.domain.engine import Calculator, Formula
from estimator.domain.estimate import ESTIMATE, estimate
from estimator.domain.inputs import INPUTS
from estimator.domain.lang.dims import infer
from estimator.domain.lang.errors import ExpressionError
from estimator.domain.lang.nodes import CHECK
from estimator.domain.units import Q

CALCULATORS = {"estimate": (ESTIMATE, estimate_module.FORMULAS), "workbench": (workbench.WORKBENCH, workbench.FORMULAS)}

# The canonical unit of every result, as shared/spec/estimate.md writes it.
SPEC_UNITS = {
    "estimate": {
        **dict.fromkeys(("read_qps", "write_qps", "total_qps", "peak_read_qps", "peak_write_qps", "peak_qps"), "req/s"),
        "requests_per_month": "req",
        **dict.fromkeys(("storage_total", "egress_per_month", "cache_memory"), "B"),
        # Rates, reported per day and per year (architecture.md: the API keeps their values).
        "storage_per_day": "B/day", "storage_per_year": "B/year",
        **dict.fromkeys(("ingress", "egress", "peak_ingress", "peak_egress"), "B/s"),
        **dict.fromkeys(("nines", "concurrency", "app_servers", "db_shards", "db_nodes", "read_replicas"), ""),
        **{f"downtime_per_{period}": "s" for period in ("day", "week", "month", "quarter", "year")},
        # In the spec's table; checked here as soon as they are declared.
        "object_storage_total": "B", "db_storage_total": "B", "cache_nodes": "",
        **dict.fromkeys(("cost_app_servers", "cost_db_nodes", "cost_cache", "cost_db_storage", "cost_object_storage",
                         "cost_egress", "cost_per_month"), "USD/month"),
        "cost_per_user_per_month": "USD/month/user",
        "nodes_total": "", "memory_total": "B", "architecture_availability": "", "availability_met": "",
    },
    "workbench": {
        "availability": "", "nines": "", "meets_target": "", "availability_for_downtime": "", "burn_rate": "",
        **{f"downtime_per_{period}": "s" for period in ("day", "week", "month", "quarter", "year")},
        "error_budget": "s", "error_budget_requests": "req", "budget_exhausted_in": "s",
        "alert_page_1h": "", "alert_page_6h": "", "alert_ticket_3d": "",
    },
}

DEFAULT_KINDS = [(name, declared.kind.name) for name, declared in DEFAULTS]

# Results the spec counts as plain numbers though they are counts of something.
PINT_UNITS = {"concurrency": "request"}  # requests in flight (Little's law)


def pint_dims(formula: Formula):
    """Pint's dimensionality of the declared unit, or CHECK for a yes/no result."""
    if formula.display == "check":
        return CHECK
    unit = PINT_UNITS.get(formula.name, formula.unit)
    return Q(1, unit).dimensionality


def declared_dims(calculator: Calculator, formulas) -> dict:
    """What each name is, from declarations only: the inputs' kinds, the results' units."""
    names = {spec.name: spec.kind.dims for spec in calculator.inputs if spec.kind.valued}
    names.update(reference.DIMS)  # a component's default may be a reference number (a query's latency)
    names.update({formula.name: pint_dims(formula) for formula in formulas})
    return names


DECLARATIONS = [(which, formula) for which, (_, formulas) in CALCULATORS.items() for formula in formulas]




@pytest.mark.parametrize(("which", "formula"), DECLARATIONS, ids=lambda v: v if isinstance(v, str) else v.name)
def test_each_declaration_has_the_dimension_of_its_canonical_unit(which, formula):
    calculator, formulas = CALCULATORS[which]

    inferred = infer(formula.tree, declared_dims(calculator, formulas))

    assert inferred == pint_dims(formula), f"{formula.name} = {formula.expression}"
    assert formula.dims == pint_dims(formula)


@pytest.mark.parametrize(("which", "formula"), DECLARATIONS, ids=lambda v: v if isinstance(v, str) else v.name)
def test_each_result_is_declared_in_the_unit_the_spec_names(which, formula):
    if "." in formula.name:  # a default component's: its kind declares it (components/), the spec names the kinds
        component, local = formula.name.split(".")
        kind = KINDS[dict(DEFAULT_KINDS)[component]]
        declared = kind.by_param[local].kind.unit if local in kind.by_param else next(
            getattr(r, "unit", "") for r in kind.results if r.name == local)
        assert formula.unit == declared
        return
    assert formula.name in SPEC_UNITS[which], f"{formula.name} is not a result of the spec"
    assert formula.unit == SPEC_UNITS[which][formula.name]


def test_a_given_input_has_the_dimension_of_the_result_it_overrides():
    by_name = {spec.name: spec for spec in INPUTS}

    for formula in estimate_module.FORMULAS:
        if formula.given_by:
            assert by_name[formula.given_by].kind.dims == pint_dims(formula), formula.name


def test_a_declaration_that_adds_a_rate_to_a_size_is_refused_when_the_calculator_is_built():
    wrong = Formula("x", "X", "Traffic", "read_qps + object_size", "req/s")

    with pytest.raises(ExpressionError, match="cannot add a rate of requests .* and B/req"):
        Calculator(INPUTS, estimate_module.FORMULAS + (wrong,), estimate_module.RESULT_GROUPS)


def test_a_declaration_whose_unit_is_not_its_expressions_is_refused_when_the_calculator_is_built():
    wrong = Formula("x", "X", "Traffic", "dau × reads_per_user", "B")  # requests a second, declared bytes

    with pytest.raises(TypeError, match="declared B"):
        Calculator(INPUTS, estimate_module.FORMULAS + (wrong,), estimate_module.RESULT_GROUPS)


def test_a_declaration_naming_nothing_known_is_refused_when_the_calculator_is_built():
    wrong = Formula("x", "X", "Traffic", "dua × reads_per_user", "req/s")

    with pytest.raises(ExpressionError, match="did you mean dau"):
        Calculator(INPUTS, estimate_module.FORMULAS + (wrong,), estimate_module.RESULT_GROUPS)


def test_a_declaration_that_does_not_parse_is_refused_when_declared():
    with pytest.raises(ExpressionError):
        Formula("x", "X", "Traffic", "dau × (reads_per_user", "req/s")



def test_adding_bytes_to_a_number_is_an_error():
    with pytest.raises(pint.DimensionalityError):
        Q(1, "KB") + 5
    assert "cannot add" in estimate({"lines": "x = 1 KB + 5"}).errors["lines:1"]


def test_adding_requests_to_users_is_an_error():
    with pytest.raises(pint.DimensionalityError):
        Q(1, "req/s") + Q(1, "user/s")
    assert "cannot add" in estimate({"lines": "x = read_qps + dau / 1 s"}).errors["lines:1"]


def test_the_registry_keeps_the_projects_conventions():
    assert Q(1, "year").to("day").magnitude == 365
    assert Q(1, "month").to("day").magnitude == 30
    assert Q(1, "quarter").to("day").magnitude == 91.25
    assert Q(1, "KB").to("B").magnitude == 1000
    assert Q(1, "KiB").to("B").magnitude == 1024
    assert Q(1, "Mbps").to("B/s").magnitude == 125000
    assert Q(8, "b").to("B").magnitude == 1
