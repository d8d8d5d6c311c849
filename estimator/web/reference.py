"""Reference numbers: a page easy to scan and search, each figure one click from being added
to the user's lines, and the JSON API."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from estimator.domain import reference
from estimator.domain.engine import api_unit, shower
from estimator.domain.reference import KINDS, REFERENCES, SOURCES

from .http import json_response, pure_get, route

KIND_TITLES = {"latency": "Latency", "throughput": "Throughput", "price": "Prices", "ratio": "Ratios"}
MAX_QUERY = 100  # characters of a search


def _matches(ref: reference.Reference, words: list[str]) -> bool:
    text = f"{ref.key} {ref.value} {ref.description} {ref.kind}".lower()
    return all(word in text for word in words)


def add_link(base_query: str, ref: reference.Reference) -> str:
    """The calculator with the user's own inputs (`base_query`, a share link's query) and one
    more line: `<name> = ref.<name>`, unless a line already reads it."""
    query = QueryDict(base_query[:8000], mutable=True)
    lines = query.get("lines", "").rstrip("\n")
    if ref.key not in lines:
        lines = f"{lines}\n{ref.name} = {ref.key}" if lines else f"{ref.name} = {ref.key}"
    query["lines"] = lines
    return f"{route('calculator')}?{query.urlencode()}#id_lines"


def as_dict() -> dict:
    body = {}
    for ref in REFERENCES:
        unit, scale = api_unit(ref.dims)
        title, url = SOURCES[ref.source]
        body[ref.key] = {"value": ref.number * scale, "unit": unit, "text": ref.value,
                         "display": shower(ref.dims)(ref.number, False), "description": ref.description,
                         "kind": ref.kind, "source": title, "source_url": url}
    return {"reference": body}


def reference_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY]
    base = request.GET.get("from", "")
    words = query.lower().split()
    groups = []
    for kind in KINDS:
        rows = [(ref, add_link(base, ref), SOURCES[ref.source]) for ref in REFERENCES
                if ref.kind == kind and _matches(ref, words)]
        if rows:
            groups.append((KIND_TITLES[kind], rows))
    return render(request, "web/reference.html", {"groups": groups, "query": query, "base": base,
                                                   "count": sum(len(rows) for _, rows in groups),
                                                   "total": len(REFERENCES)})


@pure_get
def api_reference(request: HttpRequest) -> HttpResponse:
    return json_response(as_dict())
