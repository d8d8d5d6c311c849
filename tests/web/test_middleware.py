"""Request hygiene before the views (forwarded headers, body and field caps, HEAD) and cache
rules after them."""

import pytest
from django.test import Client

from estimator.web.models import Scenario

pytestmark = pytest.mark.django_db


def create(client, name="s", **extra):
    return client.post("/s/", {"name": name, "dau": "1M"}, **extra)


def test_a_multipart_body_over_the_cap_is_refused_from_its_length_without_being_read(client):
    # The payload is tiny but claims 20 MB: reading past what was sent raises in the test
    # client, so only a refusal from the header can pass.
    body = b"--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big\"\r\n\r\nAAAA"

    response = client.generic("POST", "/s/", body, content_type="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(20 * 1024 * 1024))

    assert response.status_code == 400
    assert "at most 65,536 are accepted" in response.content.decode()


def test_an_api_query_with_more_than_100_fields_is_a_json_400(client):
    query = "&".join(f"f{i}=1" for i in range(101))

    api = client.get(f"/api/v1/estimate?{query}")
    page = client.get(f"/?{query}")

    assert api.status_code == 400 and api["Content-Type"] == "application/json"
    assert "more than 100 fields" in api.json()["errors"]["query"]
    assert page.status_code == 400  # the page keeps Django's own answer


@pytest.mark.parametrize("path", ["/", "/?dau=5M", "/estimate.md", "/api/v1/estimate", "/availability/",
                                  "/availability.md", "/api/v1/availability", "/my/", "/accounts/login/",
                                  "/s/photo-sharing-100m-dau/", "/s/photo-sharing-100m-dau.md"])
def test_head_is_answered_wherever_get_is(client, path):
    get = Client().get(path)

    head = client.head(path)

    assert get.status_code in (200, 302)
    assert head.status_code == get.status_code and head.content == b""


def test_the_markdown_etag_changes_with_the_host_its_links_name(client):
    here = client.get("/estimate.md?dau=5M")
    there = client.get("/estimate.md?dau=5M", HTTP_HOST="localhost")

    assert here["ETag"] != there["ETag"]
    assert "http://testserver/" in here.content.decode() and "http://localhost/" in there.content.decode()
    assert client.get("/estimate.md?dau=5M", HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=here["ETag"]).status_code == 200


@pytest.mark.parametrize("path", ["/", "/my/", "/accounts/login/", "/accounts/signup/", "/availability/",
                                  "/s/photo-sharing-100m-dau/"])
def test_pages_with_a_csrf_token_or_private_links_are_private_and_never_stored(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}


def test_an_owners_scenario_page_is_private(client):
    slug = create(client)["Location"].split("/")[2]

    response = client.get(f"/s/{slug}/", HTTP_HX_REQUEST="true")

    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/api/v1/estimate?dau=5M", "/estimate.md?dau=5M", "/api/v1/availability"])
def test_pure_answers_stay_publicly_cacheable(client, path):
    response = client.get(path)

    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]


def test_forwarded_headers_from_an_untrusted_peer_do_not_defeat_the_creation_cap(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SCENARIOS_PER_HOUR = 3

    answers = [create(Client(), REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
               for i in range(6)]

    assert answers == [303, 303, 303, 429, 429, 429]


def test_a_trusted_proxy_names_the_client_each_is_capped_on_its_own(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SCENARIOS_PER_HOUR = 1

    first = create(Client(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1, 10.0.0.9")
    second = create(Client(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    again = create(Client(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.1")

    assert (first.status_code, second.status_code, again.status_code) == (303, 303, 429)


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    spoofed = Client().get("/estimate.md", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https")
    proxied = Client().get("/estimate.md", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_PROTO="https")

    assert "<http://testserver/>" in spoofed.content.decode()
    assert "<https://testserver" in proxied.content.decode()


def test_without_a_proxy_forwarded_headers_are_ignored(settings):
    settings.SCENARIOS_PER_HOUR = 2

    answers = [create(Client(), HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)]

    assert answers == [303, 303, 429]
    assert Scenario.objects.filter(is_preset=False).count() == 2
