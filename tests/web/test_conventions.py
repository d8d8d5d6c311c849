"""The conventions (page, markdown, compare) read each default price from its input and the
samples' count from the ranges, so prose and declarations cannot drift apart."""

from dataclasses import replace

from estimator.domain import conventions
from estimator.domain.conventions import CONVENTIONS, PRICE_PHRASES
from estimator.domain.inputs import BY_NAME, INPUTS


def test_every_price_input_is_named_in_the_conventions_with_its_default():
    prices = next(line for line in CONVENTIONS if line.startswith("Costs use the price inputs"))

    for spec in INPUTS:
        if spec.name.startswith("price_"):
            assert spec.default in prices, spec.name
    assert {name for name, _ in PRICE_PHRASES} == {spec.name for spec in INPUTS if spec.name.startswith("price_")}


def test_the_prices_sentence_reads_as_it_did_when_it_was_written_by_hand():
    assert conventions._prices() == ("an app server $150/month, a database node $500/month, cache $5/GB/month, "
                                     "database storage $0.10/GB/month per copy, object storage $0.02/GB/month, "
                                     "egress $0.05/GB")


def test_a_changed_default_changes_the_sentence(monkeypatch):
    monkeypatch.setattr(conventions, "BY_NAME", {**BY_NAME, "price_egress": replace(BY_NAME["price_egress"],
                                                                                    default="$0.08/GB")})

    assert conventions._prices().endswith("egress $0.08/GB")


def test_the_page_and_the_markdown_state_the_same_conventions(client):
    page = client.get("/").content.decode()
    text = client.get("/estimate.md").content.decode()

    assert "2,000 samples" in page and "2,000 samples" in text
    assert "an app server $150/month" in page and "an app server $150/month" in text


def test_the_workbench_states_its_own_conventions_not_the_estimates(client):
    text = client.get("/availability.md").content.decode()
    stated = text.split("## Conventions", 1)[1]

    assert "k of N (k of N x A) while at least k are" in stated
    assert "M/M/c" not in stated and "price inputs" not in stated and "Components:" not in stated
    assert "M/M/c" in client.get("/estimate.md").content.decode().split("## Conventions", 1)[1]
