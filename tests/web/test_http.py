import json

import pytest

from estimator.web.http import dumps, json_bytes


def test_the_api_bytes_read_as_the_same_values_as_dumps_markup_escaped():
    body = {"results": {"read_qps": {"value": 5787.037037037037, "display": "5.79k req/s", "work": "100M × 5 ÷ 24 h"},
                        "tiny": {"value": 1e-05}, "huge": {"value": 1.8e16}, "check": {"value": True, "driver": None}},
            "errors": {"<script>&": "<b> is not an input & never was"}}

    written = json_bytes(body)

    assert json.loads(written) == json.loads(dumps(body)) == body
    assert b"<" not in written and b">" not in written and b"&" not in written
    assert b"\\u003cscript\\u003e\\u0026" in written
    assert "100M × 5 ÷ 24 h".encode() in written  # UTF-8, not \u escapes


def test_what_orjson_refuses_is_written_by_dumps():
    body = {"count": 2 ** 70, 3: "a key that is not a string"}

    assert json_bytes(body) == dumps(body).encode()
    with pytest.raises(TypeError):
        json_bytes({"figure": object()})


def test_the_etag_tells_the_htmx_partial_from_the_page_of_the_same_query():
    from django.test import RequestFactory

    from estimator.web.http import query_etag

    factory = RequestFactory()
    page = factory.get("/?dau=5M")
    partial = factory.get("/?dau=5M", HTTP_HX_REQUEST="true")
    again = factory.get("/?dau=5M", headers={"HX-Request": "true"})

    assert query_etag(page) != query_etag(partial) == query_etag(again)
