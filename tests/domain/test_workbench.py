import re

import pytest
from pytest import approx

from estimator.domain import system
from estimator.domain.workbench import workbench
from estimator.render import diagram
from estimator.render.api import estimate_body


def test_one_hour_a_month_allows_99_8611_percent():
    result = workbench({"allowed_downtime": "1 hour", "window": "30 days"}).results["availability_for_downtime"]

    assert result.value == approx(1 - 3600 / 2592000)
    assert result.display == "99.8611%"


def test_the_budget_of_99_9_percent_over_30_days_is_43m_12s():
    result = workbench({"target": "99.9%", "window": "30 days"}).results["error_budget"]

    assert result.value == approx(2592)
    assert result.display == "43m 12s"


def test_budget_in_requests_and_burn_rate():
    results = workbench({"target": "99.9%", "requests": "100M", "error_rate": "0.5%"}).results

    assert results["error_budget_requests"].value == approx(1e5)
    assert results["burn_rate"].value == approx(5)
    assert results["budget_exhausted_in"].value == approx(2592000 / 5)
    assert results["budget_exhausted_in"].display == "6d"


def test_no_errors_never_exhaust_the_budget():
    result = workbench({"error_rate": "0%"}).results["budget_exhausted_in"]

    assert result.display == "forever"
    assert estimate_body(workbench({"error_rate": "0%"}))["results"]["budget_exhausted_in"]["value"] is None


def test_the_system_meets_or_misses_its_target():
    assert workbench({"system": "99.9% -> 99.9%", "target": "99.9%"}).results["meets_target"].value is False
    assert workbench({"system": "99.9% | 99.9%", "target": "99.9%"}).results["meets_target"].value is True


def test_downtime_of_the_system_follows_its_availability():
    result = workbench({"system": "99.9% -> 99.9%"}).results["downtime_per_year"]

    assert result.value == approx((1 - 0.998001) * 365 * 86400)


def test_optional_inputs_left_blank_leave_their_results_unavailable_with_a_reason():
    result = workbench({}).results["burn_rate"]

    assert result.value is None
    assert result.work == "needs error_rate"


def test_downtime_longer_than_the_window_is_an_error_at_that_field():
    estimate = workbench({"allowed_downtime": "31 days", "window": "30 days"})

    assert "longer than the window" in estimate.errors["allowed_downtime"]


def test_a_bad_system_is_an_error_at_the_system_field_and_other_results_stand():
    estimate = workbench({"system": "a 99% ->"})

    assert "expected a component after '->' at column 9" in estimate.errors["system"]
    assert estimate.results["error_budget"].available


def test_the_diagram_names_every_component_and_escapes_text():
    svg = diagram.svg(system.parse("lb 99.99% -> 2 x app 99.9% -> (db 99.95% | replica 99.95%)"), title="<x>")

    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for text in ("lb", "app", "db", "replica", "99.99%", "2 × (any one suffices)", "Total: "):
        assert text in svg
    assert "<x>" not in svg and "&lt;x&gt;" in svg


def test_workbench_fields_are_expressions_too():
    results = workbench({"target": "100% − 0.05%", "window": "30 days", "requests": "100M req/day × 30 days"}).results

    assert results["error_budget"].value == approx(0.0005 * 2592000)  # 1,296 s
    assert results["error_budget"].display == "21m 36s"
    assert results["error_budget_requests"].value == approx(0.0005 * 3e9)  # 1.5M of 3B requests


def test_the_work_of_the_budget_shows_the_figures_typed():
    result = workbench({"target": "99.9%", "window": "30 days"}).results["error_budget"]

    assert result.work == "(1 − 99.9%) × 30 days = 43m 12s"


def test_two_of_three_copies_of_99_9_percent_give_99_9997002_percent_with_their_work():
    result = workbench({"system": "2 of 3 x db 99.9%"}).results["availability"]

    assert result.value == approx(0.999997002, abs=1e-15)  # 3 × 0.999² × 0.001 + 0.999³
    assert result.display == "99.9997002%"
    assert result.work == "2 of 3 x db 99.9%: 3 × 99.9%^2 × (1 − 99.9%) + 99.9%^3 = 99.9997002%"


def test_burn_rate_alerts_for_a_30_day_window_are_14_4_6_and_1():
    results = workbench({"window": "30 days"}).results

    # 2% × 720 h ÷ 1 h = 14.4; 5% × 720 h ÷ 6 h = 6; 10% × 30 days ÷ 3 days = 1
    assert results["alert_page_1h"].value == approx(14.4)
    assert results["alert_page_6h"].value == approx(6)
    assert results["alert_ticket_3d"].value == approx(1)
    assert results["alert_page_1h"].work == "2% × 30 days ÷ 1 h = 14.4"
    assert results["alert_ticket_3d"].work == "10% × 30 days ÷ 3 days = 1"


def test_burn_rate_alerts_for_a_28_day_window_are_13_44_5_6_and_0_933():
    results = workbench({"window": "28 days"}).results

    # 2% × 672 h ÷ 1 h = 13.44; 5% × 672 h ÷ 6 h = 5.6; 10% × 28 days ÷ 3 days = 0.9333…
    assert results["alert_page_1h"].value == approx(13.44)
    assert results["alert_page_6h"].value == approx(5.6)
    assert results["alert_ticket_3d"].value == approx(2.8 / 3)
    assert results["alert_ticket_3d"].display == "0.933"
    assert results["alert_page_6h"].work == "5% × 28 days ÷ 6 h = 5.6"


def test_burn_rate_alerts_wait_for_a_valid_window():
    estimate = workbench({"window": "soon"})

    assert estimate.results["alert_page_1h"].value is None
    assert estimate.results["alert_page_1h"].needs == ("window",)


def blocks(svg: str) -> list[tuple[float, float]]:
    """The (x, y) corner of every block drawn."""
    return [(float(x), float(y)) for x, y in re.findall(r'<rect class="block" x="([\d.]+)" y="([\d.]+)"', svg)]


def test_a_quorum_is_drawn_in_a_frame_marked_k_of_n():
    svg = diagram.svg(system.parse("api gateway 99.95% -> 2 of 3 x db 99.9%"), title="t")

    assert "2 of 3 × (2 must be up)" in svg
    assert ">api gateway<" in svg and ">db<" in svg
    assert "Total: 99.9497%" in svg  # 0.9995 × 0.999997002 = 0.99949700…


def test_the_wide_layout_runs_series_across_and_the_tall_one_down():
    tree = system.parse("a 99% -> b 99% -> c 99%")

    wide = blocks(diagram.svg(tree, title="t"))
    tall = blocks(diagram.svg(tree, title="t", layout="tall"))

    assert len({y for _, y in wide}) == 1 and [x for x, _ in wide] == sorted({x for x, _ in wide})
    assert len({x for x, _ in tall}) == 1 and [y for _, y in tall] == sorted({y for _, y in tall})


@pytest.mark.parametrize("text", [
    "lb 99.99% -> 3 x app 99.9% -> (db 99.95% | db 99.95%)",
    " -> ".join(f"service-{n} 99.9%" for n in range(12)),
    "web 99.9% -> (" + " | ".join(f"replica-{n} 99%" for n in range(8)) + ")",
    "edge 99.99% -> 2 of 3 x (primary database cluster 99.9% | standby 99%) -> 3 x cache 99%",
])
def test_the_tall_layout_fits_a_phone_however_long_or_broad_the_system(text):
    tree = system.parse(text)

    assert diagram.needs_tall(tree)  # too wide for a phone across
    assert diagram.width(tree, layout="tall") <= diagram.PHONE_WIDTH


def test_one_component_fits_a_phone_across():
    assert not diagram.needs_tall(system.parse("db 99.9%"))


def test_both_layouts_can_share_a_page_without_sharing_ids():
    tree = system.parse("a 99% -> b 99%")

    ids = [re.findall(r'id="([^"]+)"', diagram.svg(tree, title="t", layout=layout)) for layout in ("wide", "tall")]

    assert ids == [["diagram-title", "arrow"], ["diagram-title-tall", "arrow-tall"]]
    assert 'url(#arrow-tall)' in diagram.svg(tree, title="t", layout="tall")
    assert "style=" not in diagram.svg(tree, title="t", layout="tall")  # the CSP forbids inline styles


@pytest.mark.parametrize(("name", "lines"), [
    ("api gateway", ["api gateway"]),
    ("primary database cluster", ["primary database", "cluster"]),
    ("edge load-balancer-us-east-1", ["edge load-", "balancer-us-east-1"]),
    ("x" * 40, ["x" * 18, "x" * 18, "x" * 4]),
])
def test_long_names_wrap_at_spaces_then_hyphens_then_anywhere(name, lines):
    assert diagram.wrap(name, 18) == lines


def test_a_wrapped_name_makes_its_block_taller():
    svg = diagram.svg(system.parse("primary database cluster 99.9%"), title="t")

    assert '>primary database</text>' in svg and '>cluster</text>' in svg
    assert f'height="{diagram.BOX_HEIGHT + diagram.LINE_HEIGHT}"' in svg
