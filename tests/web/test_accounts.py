"""Sign-in and sign-up: throttled with Retry-After, no name probing, nothing moved without asking."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from estimator.web.models import Scenario

from .test_scenarios import save

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """These tests count attempts, not hashing cost (the real-server test measures that)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client, username="ada", password="wrong", **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_wrong_passwords_past_the_limit_are_a_429_with_retry_after_even_with_the_right_one(client, settings):
    settings.SIGN_INS_PER_HOUR = 5
    User.objects.create_user("ada", password=PASSWORD)

    wrong = [sign_in(client).status_code for _ in range(5)]
    right = sign_in(client, password=PASSWORD)

    assert wrong == [200] * 5
    assert right.status_code == 429 and 0 < int(right["Retry-After"]) <= 3600
    assert "Too many sign-in attempts" in right.content.decode()


def behind_a_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.1"]


def sign_in_from(address: str, **kwargs):
    return sign_in(Client(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address, **kwargs)


def test_guesses_at_a_name_lock_it_at_the_guessing_address_only(settings):
    settings.SIGN_INS_PER_HOUR = 3
    behind_a_proxy(settings)
    User.objects.create_user("ada", password=PASSWORD)

    guesses = [sign_in_from("203.0.113.9").status_code for _ in range(4)]
    owner = sign_in_from("198.51.100.7", password=PASSWORD)
    guesser_with_the_password = sign_in_from("203.0.113.9", password=PASSWORD)

    assert guesses == [200, 200, 200, 429]
    assert owner.status_code == 302  # the owner, at their own address, is not locked out
    assert guesser_with_the_password.status_code == 429


def test_guesses_at_one_name_from_many_addresses_count_per_address(settings):
    settings.SIGN_INS_PER_HOUR = 3
    behind_a_proxy(settings)

    answers = [sign_in_from(f"203.0.113.{i}").status_code for i in range(6)]

    assert answers == [200] * 6


def test_guesses_at_many_names_from_one_address_are_throttled_per_address(client, settings):
    settings.SIGN_INS_PER_ADDRESS_PER_HOUR = 3

    answers = [sign_in(client, username=f"user{i}").status_code for i in range(4)]

    assert answers == [200, 200, 200, 429]


def test_the_admin_sign_in_is_throttled_too(client, settings):
    settings.SIGN_INS_PER_HOUR = 2

    answers = [client.post("/admin/login/", {"username": "root", "password": "x"}).status_code for _ in range(3)]

    assert answers == [200, 200, 429]


def test_sign_ups_past_the_limit_are_a_429_with_retry_after(client, settings):
    settings.SIGN_UPS_PER_HOUR = 2

    answers = [client.post("/accounts/signup/", {"username": f"u{i}", "password1": "x", "password2": "y"})
               for i in range(3)]

    assert [a.status_code for a in answers] == [400, 400, 429]
    assert int(answers[-1]["Retry-After"]) > 0


def test_a_sign_up_probe_with_a_throwaway_password_does_not_say_the_name_is_taken(client):
    User.objects.create_user("ada", password=PASSWORD)

    probe = client.post("/accounts/signup/", {"username": "ada", "password1": "x", "password2": "y"})
    real = client.post("/accounts/signup/", {"username": "Ada", "password1": "a long passphrase 42",
                                             "password2": "a long passphrase 42"})

    assert probe.status_code == 400 and "already exists" not in probe.content.decode()
    assert real.status_code == 400 and "already exists" in real.content.decode()  # Django's form must say so


def test_nothing_moves_into_an_account_at_sign_in(client):
    # Session fixation: whoever planted this session saved a scenario in it first.
    planted = save(client, name="Planted")
    User.objects.create_user("ada", password=PASSWORD)

    sign_in(client, password=PASSWORD)

    planted.refresh_from_db()
    assert planted.owner is None
    assert "Planted" not in "".join(s.name for s in Scenario.objects.filter(owner__username="ada"))


def test_leaving_the_browsers_scenarios_keeps_them_out_of_the_account_and_stops_asking(client):
    planted = save(client, name="Planted")
    User.objects.create_user("ada", password=PASSWORD)
    sign_in(client, password=PASSWORD)

    left = client.post("/my/claim/", {"action": "leave"})
    page = client.get("/my/").content.decode()

    planted.refresh_from_db()
    assert left.status_code == 303 and planted.owner is None
    assert "Saved in this browser before you signed in" not in page and "Planted" not in page


def test_moving_needs_a_signed_in_user(client):
    scenario = save(client)

    assert client.post("/my/claim/", {"action": "move"}).status_code == 403
    scenario.refresh_from_db()
    assert scenario.owner is None and scenario.owner_key
