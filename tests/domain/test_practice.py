"""Practice grading: close within ±25%, ballpark within a factor of 2, otherwise off by its
factor; answers read in the formula language with their dimension checked; a ranged problem
graded on its median."""

import pytest
from pytest import approx

from estimator.domain import practice
from estimator.domain.errors import InputError
from estimator.domain.problems import BY_SLUG, PROBLEMS, Ask, Problem

CHAT = BY_SLUG["chat-50m-dau"]


def test_a_figure_within_25_percent_is_close():
    # the chat's 50M × 40 ÷ 86,400 s = 23,148 messages/s; 20k is 0.864 of it
    attempt = practice.attempt(CHAT, {"write_qps": "20k/s"})

    grade = attempt.grades["write_qps"]
    assert grade.verdict == "close"
    assert grade.ratio == approx(20_000 / 23_148.148)
    assert grade.words == "close"


def test_a_figure_within_a_factor_of_two_is_ballpark():
    # 40k ÷ 23,148 = 1.73× too high
    grade = practice.attempt(CHAT, {"write_qps": "40k/s"}).grades["write_qps"]

    assert grade.verdict == "ballpark"
    assert grade.words == "ballpark: 1.7× too high"


def test_a_figure_ten_times_off_says_by_how_much():
    # 72 connection servers expected (5M ÷ 70k = 71.4 → 72); 720 is 10× too high, 7 is 10.3× too low
    high = practice.attempt(CHAT, {"ws.nodes": "720"}).grades["ws.nodes"]
    low = practice.attempt(CHAT, {"ws.nodes": "7"}).grades["ws.nodes"]

    assert high.verdict == "off" and high.words == "off: 10× too high"
    assert low.verdict == "off" and low.words == "off: 10× too low"


def test_the_bounds_of_each_verdict():
    assert practice.grade(answer=125, expected=100).verdict == "close"
    assert practice.grade(answer=75, expected=100).verdict == "close"
    assert practice.grade(answer=126, expected=100).verdict == "ballpark"
    assert practice.grade(answer=200, expected=100).verdict == "ballpark"
    assert practice.grade(answer=50, expected=100).verdict == "ballpark"
    assert practice.grade(answer=201, expected=100).verdict == "off"
    assert practice.grade(answer=49, expected=100).verdict == "off"
    assert practice.grade(answer=0, expected=100).words == "off: zero or below"


def test_an_answer_of_the_wrong_dimension_is_refused_at_its_field():
    # ws.memory is a size (50 GB); a bandwidth is not
    attempt = practice.attempt(CHAT, {"ws.memory": "50 GB/s", "write_qps": "23k/s"})

    assert "ws.memory" not in attempt.grades
    assert attempt.errors["ws.memory"] == "'50 GB/s' is a bandwidth (B/s); Memory for connections needs a size (B)"
    assert attempt.grades["write_qps"].verdict == "close"


def test_an_answer_may_be_arithmetic_in_the_formula_language_but_not_the_problems_names():
    worked = practice.attempt(CHAT, {"write_qps": "50M × 40 ÷ 1 day"})
    named = practice.attempt(CHAT, {"write_qps": "dau × 40 ÷ 1 day"})

    assert worked.grades["write_qps"].ratio == approx(1)
    assert "not the problem's names (dau)" in named.errors["write_qps"]


def test_a_bare_count_answers_a_rate_of_requests_only_with_a_period():
    # 12k alone is a count, not a rate: refused; 12k/s is read as requests per second
    attempt = practice.attempt(CHAT, {"write_qps": "12k"})

    assert "needs a rate" in attempt.errors["write_qps"]


def test_blank_answers_are_left_ungraded_and_the_figures_asked_are_named():
    attempt = practice.attempt(CHAT, {"write_qps": "  "})

    assert attempt.grades == {} and attempt.errors == {}
    assert attempt.asks == ("write_qps", "ws.nodes", "ws.memory", "db.storage")


def test_a_figure_not_asked_is_refused_naming_the_figures_asked():
    with pytest.raises(practice.UnknownFigure) as refused:
        practice.attempt(CHAT, {"peak_qps": "1k/s"})

    assert "'peak_qps' is not asked here" in str(refused.value)
    assert refused.value.asks == ("write_qps", "ws.nodes", "ws.memory", "db.storage")
    assert isinstance(refused.value, InputError)


def test_a_ranged_problem_is_graded_against_its_median():
    # dau 10M to 90M: its median is the geometric mean, √(10M × 90M) = 30M (lognormal ranges);
    # × 40 ÷ 86,400 = 13,889 messages/s, not the 50M-midpoint's 23,148
    ranged = Problem("ranged-chat", "Ranged chat", "Social and content", "", "Given: a range.",
                     {**CHAT.inputs, "dau": "10M to 90M"}, (Ask("write_qps", "Messages per second"),))
    figure = practice.figures(ranged)[0]

    assert figure.result.spread is not None
    assert figure.expected == approx(figure.result.spread.p50)
    assert figure.expected == approx(30e6 * 40 / 86400, rel=0.05)
    grade = practice.attempt(ranged, {"write_qps": "13.9k/s"}).grades["write_qps"]
    assert grade.verdict == "close" and grade.ratio == approx(13_900 / figure.expected)


def test_each_hint_is_the_first_step_in_the_problems_own_names():
    figures = {f.ask.name: f for f in practice.figures(CHAT)}

    assert figures["write_qps"].hint == "dau × writes_per_user × 1 day ÷ active_hours"
    assert figures["ws.memory"].hint == "ws.concurrent × ws.memory_each"
    assert "50M users × 40 req/user/day" in figures["write_qps"].result.work


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_every_figure_asked_has_an_expected_value_and_a_hint_and_takes_its_own_display(problem):
    for figure in practice.figures(problem):
        assert figure.expected is not None and figure.hint
        # the figure as the page shows it, typed back, is graded close
        grade = practice.attempt(problem, {figure.ask.name: _typed(figure)}).grades.get(figure.ask.name)
        assert grade is not None and grade.verdict == "close", (figure.ask.name, figure.result.display)


def _typed(figure):
    """The display as a reader would type it: '$237k/month' → '$237k/month', '1,024' → '1024'."""
    return figure.result.display.replace(",", "")


def test_a_figure_the_problem_gives_in_other_terms_hints_at_what_is_given():
    # writes_per_second = write_qps -> req/s, and write_qps is given as 10M/month
    figures = {f.ask.name: f for f in practice.figures(BY_SLUG["pastebin"])}

    assert figures["writes_per_second"].hint == "write_qps is given: 10M/month"
    assert figures["writes_per_second"].work == "10M/month = 3.86 req/s"
    assert figures["pastes_held"].hint == "write_qps × retention × object_size"


def test_a_component_parameter_hints_at_the_line_that_declares_it():
    # netflix: objects.storage is objects.data, declared on the objects line
    figures = {f.ask.name: f for f in practice.figures(BY_SLUG["netflix"])}

    assert figures["objects.storage"].hint == "objects = object_store(data: 10k × 1.5 hours × 20 Mbps)"


def test_many_unknown_figures_are_named_five_at_most():
    with pytest.raises(practice.UnknownFigure) as refused:
        practice.attempt(CHAT, {f"x{i}": "1" for i in range(50)})

    assert str(refused.value).startswith("'x0', 'x1', 'x2', 'x3', 'x4' and 45 more are not asked here")
