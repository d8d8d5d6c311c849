"""Each preset answers its system's own questions and shows its requirements as checks.
Expected figures are worked by hand in the comments."""

import math

import pytest
from pytest import approx

from estimator.domain.architecture import ALIASES, architecture_of
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
    # A built-in that names a default the preset replaced or removed (db_shards when db is a
    # kv_store) is unavailable, saying why: by design too.
    architecture = architecture_of(result)
    replaced = {alias.name for alias in ALIASES if architecture.why_not(alias)}
    missing = [r.name for r in result.results.values()
               if not r.available and (preset.slug, r.name) not in BY_DESIGN and r.name not in replaced]
    assert missing == []
    assert result.lines, "a preset tells its story in lines"


def test_photo_sharing_keeps_photos_in_object_storage_and_metadata_in_the_database():
    r = run("photo-sharing-100m-dau")

    # 10M photos a day × 500 KB = 5 TB/day, one copy, kept 10 years: 5e12 × 3,650 = 1.825e16 B
    assert r["object_storage_total"].value == approx(1.825e16)
    # 10M rows a day × 1 KB × 3,650 days × 3 copies = 1.095e14 B
    assert r["db_storage_total"].value == approx(1.095e14)
    # CDN egress: 100M × 5 reads ÷ 86,400 s × 200 KB = 1.157e9 B/s; × 2.592e6 s = 3e15 B a month
    # at $0.05/GB for hits (90%) and misses alike = $150k a month
    assert r["net.cost"].value == approx(1e8 * 5 / DAY * 2e5 * 30 * DAY * 0.05 / 1e9)
    assert r["net.cost"].display == "$150k/month"


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
    assert r["backups.storage"].value == approx(1e7 * 2 / DAY * 1000 * 10 * YEAR * 30)
    # the audit log: 231.5 tx/s × 500 B × 10 years = 36.5 TB archived
    assert r["audit_archive.storage"].value == approx(1e7 * 2 / DAY * 500 * 10 * YEAR)


def test_the_video_service_sizes_its_transcoding_workers_by_littles_law():
    r = run("video-upload-1k-users")

    # 1,000 uploads a day × 2 (peak) ÷ 86,400 s × 1,800 s a transcode = 41.67 in flight; ÷ 70% → 60 workers
    assert r["transcode.nodes"].value == 60 == math.ceil(1000 * 2 / DAY * 1800 / 0.7)
    # 4K at 20 Mbps for 10 minutes = 20e6 / 8 × 600 = 1.5 GB
    assert r["rendition_4k"].value == approx(1.5e9)
    # peak upload: 1,000 × 4 GB a day × 2 ÷ 86,400 s = 92.6 MB/s = 741 Mbps
    assert r["upload_bandwidth"].display == "741 Mbps"
    assert r["upload_fits"].value is True


# Each preset's headline, worked by hand. Defaults used: peak_factor 2, utilization 70%,
# server_qps 1k/s, request_latency 100 ms, server_concurrency 100, node_storage 10 TB,
# node_write_qps 5k/s, replica_read_qps 10k/s, cache_node_memory 64 GB, cache_hit_rate 80%,
# prices $150 a server, $500 a database node, $5/GB cache, $0.10/GB database storage,
# $0.02/GB object storage, $0.05/GB egress (and the CDN's list price, $0.05/GB).
# A month is 2,592,000 s, a year 31,536,000 s.

def headline(slug):
    r = run(slug)
    return (r["cost_per_month"].value, r["peak_qps"].value, r["storage_total"].value, r["nodes_total"].value)


def test_photo_sharing_headline():
    # reads 100M × 5 ÷ 86,400 = 5,787/s, writes 115.7/s: peak 2 × 5,903 = 11,806 req/s
    # app: ⌈11,806 ÷ 700⌉ = 17 ($2,550); cache: 500M reads a day × 1 KB × 20% = 100 GB,
    # ⌈100 ÷ 44.8⌉ = 3 nodes ($500); db: 115.7/s × 10 years × 1 KB = 36.5 TB a copy, ⌈36.5 ÷ 7⌉ = 6
    # shards × 3 = 18 nodes ($9,000) + 109.5 TB × $0.10/GB ($10,950); objects: 5 TB a day × 3,650
    # = 18.25 PB ($365,000); CDN: 1.157 GB/s × 2,592,000 s = 3 PB ($150,000); thumbnails:
    # ⌈115.7 × 2 × 0.2 s ÷ 0.7⌉ = 67 workers ($10,050). Total $548,050; storage 18.25 PB + 109.5 TB;
    # nodes 17 + 3 + 18 + 67 = 105.
    cost, peak, storage, nodes = headline("photo-sharing-100m-dau")

    assert cost == approx(548_050)
    assert peak == approx(1e8 * 5.1 / DAY * 2)
    assert storage == approx(18.25e15 + 109.5e12)
    assert nodes == 105


def test_todo_app_headline():
    # reads 100k × 20 ÷ 86,400 = 23.1/s, writes 5.79/s: peak 3 × 28.9 = 86.8 req/s
    # app: ⌈86.8 ÷ 700⌉ = 1, the floor makes 2 ($300); no cache; db: 5.79/s × 5 years × 200 B
    # = 182.5 GB a copy, 1 shard, 3 − 1 = 2 replicas, 3 nodes ($1,500) + 547.5 GB × $0.10 ($54.75);
    # egress 23.1/s × 2 KB × 2,592,000 s = 120 GB ($6). Total $1,860.75; nodes 2 + 3 = 5.
    cost, peak, storage, nodes = headline("todo-app-100k-users")

    assert cost == approx(1_860.75)
    assert peak == approx(1e5 * 25 / DAY * 3)
    assert storage == approx(547.5e9)
    assert nodes == 5


def test_url_shortener_headline():
    # 1M + 10k req/s, peak 2.02M req/s; app: ⌈2.02M ÷ (10k × 70%)⌉ = 289 ($43,350); cache: 1M × 86,400
    # × 3 KB × 1% = 2.592 TB, ⌈2,592 ÷ 44.8⌉ = 58 nodes ($12,960); kv store: 10k/s × 10 years × 3.3 KB
    # = 10.4 PB a copy, × 3 = 31.22 PB, ⌈31.22 PB ÷ 7 TB⌉ = 4,461 nodes ($2,230,500) + $3,122,064 of
    # storage; egress 3 GB/s × 2,592,000 s = 7,776 TB ($388,800). Total $5,797,674;
    # nodes 289 + 58 + 4,461 = 4,808.
    cost, peak, storage, nodes = headline("url-shortener-1m-rps")

    assert cost == approx(5_797_674)
    assert peak == approx(2.02e6)
    assert storage == approx(1e4 * 10 * YEAR * 3300 * 3)
    assert nodes == 4_808


def test_mobile_banking_headline():
    # reads 10M × 10 ÷ 86,400 = 1,157/s, transactions 231.5/s: peak 3 × 1,389 = 4,167 req/s
    # app: ⌈4,167 ÷ 700⌉ = 6 ($900); cache: 1,157 × 86,400 × 5 KB × 20% = 100 GB, 3 nodes ($500);
    # db: 231.5/s × 10 years × 1 KB = 73 TB a copy, ⌈73 ÷ 7⌉ = 11 shards × 5 = 55 nodes ($27,500)
    # + 365 TB × $0.10/GB ($36,500); egress 5.79 MB/s × 2,592,000 s = 15 TB ($750); audit queue:
    # 231.5/s × 500 B × 7 days × 3 = 210 GB, 3 brokers ($1,500 + $21); its archive 36.5 TB ($730);
    # backups 73 TB × 30 = 2.19 PB ($43,800). Total $112,201; nodes 6 + 3 + 55 + 3 = 67.
    cost, peak, storage, nodes = headline("mobile-banking-four-nines")

    assert cost == approx(112_201)
    assert peak == approx(1e7 * 12 / DAY * 3)
    assert storage == approx(365e12 + 210e9 + 36.5e12 + 2.19e15)
    assert nodes == 67


def test_video_upload_headline():
    # reads 1,000 × 5 ÷ 86,400 = 0.0579/s, uploads 0.0116/s: peak 2 × 0.0694 = 0.139 req/s
    # app: the floor, 2 ($300); no cache; db: 1,000 rows a day × 365 days × 1 KB = 365 MB a copy,
    # 3 nodes ($1,500) + 1.095 GB × $0.10 ($0.11); originals 4 TB a day × 365 = 1.46 PB ($29,200);
    # CDN 0.0579/s × 400 MB × 2,592,000 s = 60 TB ($3,000); transcoding ⌈0.0116 × 2 × 1,800 s ÷
    # 0.7⌉ = 60 workers ($9,000); renditions (1.5 GB + 375 MB + 9.6 MB + 500 KB) × 365,000 =
    # 688.06 TB ($13,761.23). Total $56,761.34; nodes 2 + 3 + 60 = 65.
    cost, peak, storage, nodes = headline("video-upload-1k-users")

    assert cost == approx(56_761.34)
    assert peak == approx(6000 / DAY * 2)
    assert storage == approx(1.095e9 + 1.46e15 + 1.8851e9 * 365_000)
    assert nodes == 65
