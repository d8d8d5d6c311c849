"""The problem library's pages and API, and practice mode (README, Problems).

Each problem is also a saved scenario (`/s/<slug>/`), kept in the database by
`sync_problems` the same way the presets are (`manage.py load_presets`). The grading lives
in the domain (estimator/domain/practice.py); these views translate a query into answers and
an attempt into a page or JSON.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from estimator.domain import practice
from estimator.domain.engine import api_unit
from estimator.domain.problems import BY_SLUG, GROUPS, PROBLEMS, Problem

from django.views.decorators.http import condition, require_GET

from .http import cacheable, json_response, pure_get, query_etag
from .presets import sync_presets

MAX_QUERY = 100  # characters of a search


def sync_problems(scenario_model, revision_model) -> int:
    """Bring the problems' saved scenarios up to date, as the presets are; returns how many
    scenarios or revisions it wrote."""
    return sync_presets(scenario_model, revision_model, PROBLEMS)


def _matches(problem: Problem, words: list[str]) -> bool:
    text = f"{problem.slug} {problem.name} {problem.statement} {problem.group} {problem.source}".lower()
    return all(word in text for word in words)


def _headline(problem: Problem) -> list:
    results = practice.solved(problem).results
    return [results[name] for name in problem.headline]


def problems_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY]
    words = query.lower().split()
    groups = []
    for group in GROUPS:
        rows = [(problem, _headline(problem)) for problem in PROBLEMS if problem.group == group and _matches(problem, words)]
        if rows:
            groups.append((group, rows))
    return render(request, "web/problems.html", {
        "groups": groups, "query": query, "count": sum(len(rows) for _, rows in groups), "total": len(PROBLEMS),
    })


def _problem(slug: str) -> Problem:
    problem = BY_SLUG.get(slug)
    if problem is None:
        raise Http404(f"There is no problem '{slug[:40]}'.")
    return problem


def _answers(request: HttpRequest) -> dict[str, str]:
    return {name: request.GET.get(name, "") for name in request.GET if name != "work"}


def _given(problem: Problem) -> list[str]:
    """The description's paragraphs a practice shows before answering: all but the published
    figures (they are the answers)."""
    return [paragraph for paragraph in problem.description.split("\n\n") if not paragraph.startswith("Published")]


def _expected_display(figure: practice.Figure) -> str:
    return figure.result.display


def practice_page(request: HttpRequest, slug: str) -> HttpResponse:
    problem = _problem(slug)
    answers = _answers(request)
    try:
        attempt = practice.attempt(problem, answers)
        unknown = ""
    except practice.UnknownFigure as error:
        attempt = practice.attempt(problem, {name: text for name, text in answers.items() if name in error.asks})
        unknown = str(error)
    rows = []
    for figure in attempt.figures:
        name = figure.ask.name
        rows.append({
            "figure": figure, "name": name, "id": "answer-" + name.replace(".", "-"),
            "text": attempt.answers.get(name, ""), "grade": attempt.grades.get(name),
            "error": attempt.errors.get(name, ""), "expected": _expected_display(figure),
        })
    inputs = [(name, text) for name, text in problem.inputs.items() if name != "lines"]
    return render(request, "web/practice.html", {
        "problem": problem, "rows": rows, "attempt": attempt, "given": _given(problem), "inputs": inputs,
        "unknown": unknown, "show_work": request.GET.get("work") == "1",
        "scenario_url": reverse("scenario", args=[problem.slug]),
    }, status=400 if unknown else 200)


@pure_get
def api_problems(request: HttpRequest) -> HttpResponse:
    return json_response([{"slug": p.slug, "name": p.name, "group": p.group, "source": p.source,
                           "statement": p.statement} for p in PROBLEMS])


@require_GET
@condition(etag_func=lambda request, slug: query_etag(request))  # the path is in the ETag
def api_practice(request: HttpRequest, slug: str) -> HttpResponse:
    problem = BY_SLUG.get(slug)
    if problem is None:
        return json_response({"error": f"There is no problem '{slug[:40]}'.",
                              "problems": [p.slug for p in PROBLEMS]}, status=404)
    try:
        attempt = practice.attempt(problem, dict(request.GET.items()))
    except practice.UnknownFigure as error:
        # "errors" by name, as every other answer of the API and this one's 200 say them; "error" the whole sentence
        asked = ", ".join(error.asks)
        return json_response({"error": str(error), "asks": list(error.asks),
                              "errors": {name[:40]: f"'{name[:40]}' is not asked here; the figures asked are {asked}"
                                         for name in error.names[:20]}}, status=400)
    grades = {}
    for figure in attempt.figures:
        grade = attempt.grades.get(figure.ask.name)
        if grade is None:
            continue
        unit, _ = api_unit(figure.dims)
        grades[figure.ask.name] = {"verdict": grade.verdict, "ratio": grade.ratio,
                                   "expected": grade.expected, "answer": grade.answer,
                                   "unit": unit, "words": grade.words, "hint": figure.hint}
    return cacheable(json_response({"grades": grades, "errors": attempt.errors, "asks": list(attempt.asks)}))
