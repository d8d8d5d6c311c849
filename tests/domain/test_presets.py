"""Each preset answers its system's own questions and shows its requirements as checks.
Expected figures are worked by hand in the comments."""

import math

import pytest
from pytest import approx

from estimator.domain.estimate import estimate
from estimator.domain.presets import BY_SLUG, PRESETS

DAY, YEAR = 86400, 365 * 86400


def run(slug):
    result = estimate(BY_SLUG[slug].inputs)
    assert result.errors == {}
    return result.results


# With read_qps and write_qps given (the URL shortener), no user drives the traffic: the cost
# per user is unavailable by design (spec: cost_per_user_per_month).
BY_DESIGN = {("url-shortener-1m-rps", "cost_per_user_per_month")}


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.slug)
def test_every_preset_computes_every_result_and_line_without_error(preset):
    result = estimate(preset.inputs)

    assert result.errors == {}
    missing = [r.name for r in result.results.values() if not r.available and (preset.slug, r.name) not in BY_DESIGN]
    assert missing == []
    assert result.lines, "a preset tells its story in lines"


def test_photo_sharing_keeps_photos_in_object_storage_and_metadata_in_the_database():
    r = run("photo-sharing-100m-dau")

    # 10M photos a day × 500 KB = 5 TB/day, one copy, kept 10 years: 5e12 × 3,650 = 1.825e16 B
    assert r["object_storage_total"].value == approx(1.825e16)
    # 10M rows a day × 1 KB × 3,650 days × 3 copies = 1.095e14 B
    assert r["db_storage_total"].value == approx(1.095e14)
    # CDN egress: 100M × 5 reads ÷ 86,400 s × 200 KB = 1.157e9 B/s; × 2.592e6 s × $0.05/GB = $150k a month
    assert r["cdn_bill"].value == approx(1e8 * 5 / DAY * 2e5 * 30 * DAY * 0.05 / 1e9)
    assert r["cdn_bill"].display == "$150k/month"


def test_the_todo_apps_operations_fit_their_1000_ms_budget():
    r = run("todo-app-100k-users")

    # 150 ms round trip + 50 µs proxy + 2 × 500 µs queries + 50 ms in the server = 201.05 ms
    assert r["operation_time"].value == approx(0.20105)
    assert r["operation_ok"].value is True
    # 100k users × 5 tasks a day × 200 B × 1,825 days × 3 copies ÷ 100k users = 5.475 MB each
    assert r["storage_per_user"].value == approx(5 * 200 * 1825 * 3)


def test_the_url_shortener_needs_seven_base62_characters_and_redirects_in_time():
    r = run("url-shortener-1m-rps")

    # 10k new URLs a second for 10 years = 3.1536e12; 62^6 = 5.7e10 < 3.15e12 ≤ 62^7 = 3.5e12
    assert r["urls_stored"].value == approx(1e4 * 10 * YEAR)
    assert r["key_length"].value == 7 == math.ceil(math.log(1e4 * 10 * YEAR, 62))
    # 60 ms across the continent + 50 µs proxy + 500 µs query + 5 ms in the server
    assert r["redirect_time"].value == approx(0.06555)
    assert r["redirect_ok"].value is True


def test_the_bank_shows_four_nines_and_never_losing_a_transaction_as_checks():
    r = run("mobile-banking-four-nines")

    assert r["four_nines"].value is True and r["never_lost"].value is True
    # 10M users × 2 transactions a day × 3 (paydays) ÷ 86,400 s = 694 a second
    assert r["peak_transactions"].value == approx(1e7 * 2 * 3 / DAY)
    # 30 daily full backups of one copy: 231.5 tx/s × 1 KB × 3,650 days × 86,400 s × 30
    assert r["backups_held"].value == approx(1e7 * 2 / DAY * 1000 * 10 * YEAR * 30)


def test_the_video_service_sizes_its_transcoding_workers_by_littles_law():
    r = run("video-upload-1k-users")

    # 1,000 uploads a day × 2 (peak) ÷ 86,400 s × 1,800 s a transcode = 41.67 in flight; ÷ 70% → 60 workers
    assert r["transcodes_in_flight"].value == approx(1000 * 2 / DAY * 1800)
    assert r["transcoding_workers"].value == 60
    # 4K at 20 Mbps for 10 minutes = 20e6 / 8 × 600 = 1.5 GB
    assert r["rendition_4k"].value == approx(1.5e9)
    # peak upload: 1,000 × 4 GB a day × 2 ÷ 86,400 s = 92.6 MB/s = 741 Mbps
    assert r["upload_bandwidth"].display == "741 Mbps"
    assert r["upload_fits"].value is True
