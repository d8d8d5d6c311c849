from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO


def test_10m_photos_of_500_kb_fill_5_tb_a_day():
    result = estimate(PHOTO).results["storage_per_day"]

    assert result.value == approx(5e12)  # 1e7 photos × 5e5 B, reported per day
    assert result.unit == "B/day"  # a rate (architecture.md: storage_per_day is B/day)
    assert result.display == "5 TB/day"
    assert result.work == "116 req/s × 24 h ÷ 1 day × 500 KB = 5 TB/day"


def test_ten_million_photos_a_day_fill_1_83_pb_a_year():
    result = estimate(PHOTO).results["storage_per_year"]

    assert result.value == approx(1.825e15)  # 5 TB × 365, reported per year
    assert result.unit == "B/year"
    assert result.display == "1.83 PB/yr"
    assert result.work == "5 TB/day × 365 days ÷ 1 year = 1.83 PB/yr"


# Photos above object_store_above (100 KB by default) go to object storage, one logical copy;
# the database keeps a 1 KB metadata row per photo, 3 copies of it. 10 years = 3,650 days.

def test_photos_above_100_kb_go_to_object_storage_one_logical_copy():
    result = estimate(PHOTO).results["object_storage_total"]

    # 5e12 B/day × 3,650 days = 1.825e16 B (18.25 PB), not × 3 copies
    assert result.value == approx(1.825e16)
    assert result.unit == "B"
    assert result.display == "18.3 PB"
    assert result.work.startswith("if(500 KB > 100 KB, 5 TB/day × 10 years, 0 B)")
    assert result.work.endswith("= 18.3 PB")


def test_the_database_holds_a_metadata_row_per_photo_three_times():
    result = estimate(PHOTO).results["db_storage_total"]

    # 1e7 photos/day × 3,650 days = 3.65e10 rows × 1,000 B × 3 copies = 1.095e14 B (109.5 TB)
    assert result.value == approx(1.095e14)
    assert result.unit == "B"
    assert result.display == "110 TB"
    assert result.work == "36.5 TB × 3 = 110 TB"  # db.storage = db.data × db.replication
    assert estimate(PHOTO).results["db.data"].work.startswith("116 req/s × 24 h ÷ 1 day × 10 years × if(500 KB > 100 KB, 1 KB,")


def test_total_storage_is_the_database_copies_plus_one_object_storage_copy():
    result = estimate(PHOTO).results["storage_total"]

    assert result.value == approx(1.095e14 + 1.825e16)  # 1.83595e16 B: 18.4 PB
    assert result.display == "18.4 PB"
    assert result.work == "db 110 TB + objects 18.3 PB = 18.4 PB"  # each term named by its component


def test_raising_the_threshold_keeps_the_photos_in_the_database_three_times():
    results = estimate({**PHOTO, "object_store_above": "1 MB"}).results

    assert results["object_storage_total"].value == 0
    assert results["object_storage_total"].display == "0 B"
    # 5e12 B/day × 3,650 days × 3 copies = 5.475e16 B (54.75 PB): the photos themselves, replicated
    assert results["db_storage_total"].value == approx(5.475e16)
    assert results["storage_total"].value == approx(5.475e16)
    assert results["storage_total"].display == "54.8 PB"


def test_small_rows_stay_in_the_database_and_object_storage_is_empty():
    results = estimate({}).results  # defaults: 1M users × 1 write/day of 1 KB, 5 years, 3 copies

    assert results["object_storage_total"].value == 0
    # 1e6 rows/day × 1,825 days × 1,000 B × 3 copies = 5.475e12 B
    assert results["db_storage_total"].value == approx(5.475e12)
    assert results["storage_total"].value == approx(5.475e12)
    assert results["storage_total"].display == "5.48 TB"


def test_a_payload_exactly_at_the_threshold_stays_in_the_database():
    # object storage takes payloads *above* object_store_above: 100 KB is not above 100 KB
    results = estimate({"object_size": "100 KB", "object_store_above": "100 KB"}).results

    assert results["object_storage_total"].value == 0
    # 1e6 rows/day × 1,825 days = 1.825e9 rows × 1e5 B × 3 copies = 5.475e14 B
    assert results["db_storage_total"].value == approx(5.475e14)


def test_a_payload_just_above_the_threshold_goes_to_object_storage():
    results = estimate({"object_size": "101 KB", "object_store_above": "100 KB", "metadata_size": "2 KB"}).results

    # 1e6 objects/day × 101,000 B = 1.01e11 B/day × 1,825 days = 1.84325e14 B, one copy
    assert results["object_storage_total"].value == approx(1.84325e14)
    # 1e6 rows/day × 1,825 days × 2,000 B × 3 copies = 1.095e13 B
    assert results["db_storage_total"].value == approx(1.095e13)


def test_binary_units_are_honoured_when_typed():
    result = estimate({"dau": "86400", "writes_per_user": "1", "object_size": "1 MiB"}).results["storage_per_day"]

    assert result.value == approx(86400 * 1048576)


def test_the_binary_switch_shows_sizes_in_binary_units():
    result = estimate({**PHOTO, "size_units": "binary"}).results["storage_per_year"]

    assert result.value == approx(1.825e15)
    assert result.display == "1.62 PiB/yr"  # 1.825e15 ÷ 2^50 = 1.621


def test_an_object_size_may_be_a_sum():
    result = estimate({"dau": "1k", "writes_per_user": "1", "object_size": "4 GB + 2 GB + 1 GB"}).results[
        "storage_per_day"]

    assert result.value == approx(1000 * 7e9)  # 7 TB a day
    assert result.work == "0.0116 req/s × 24 h ÷ 1 day × 7 GB = 7 TB/day"


# storage_per_day and storage_per_year are rates (architecture.md): bytes a day, bytes a year.

def test_a_days_data_times_thirty_days_is_a_months_data():
    results = estimate({**PHOTO, "lines": "a_month = storage_per_day × 30 days -> TB\n"
                                          "daily = storage_per_day -> GB/day\n"
                                          "decade = storage_per_year × 10 years -> PB"}).results

    # 5e12 B a day × 30 days = 1.5e14 B (150 TB)
    assert results["a_month"].value == approx(1.5e14) and results["a_month"].unit == "B"
    assert results["a_month"].display == "150 TB"
    # 5e12 B a day = 5,000 GB a day: a rate, in the API per second (5e12 ÷ 86,400 = 5.787e7 B/s)
    assert results["daily"].display == "5,000 GB/day"
    assert results["daily"].unit == "B/s" and results["daily"].value == approx(5e12 / 86_400)
    # 1.825e15 B a year × 10 years = 1.825e16 B: the object storage held over the 10-year retention
    assert results["decade"].value == approx(1.825e16)


def test_a_line_that_counted_storage_per_day_as_a_size_is_refused_with_how_to_write_it():
    result = estimate({**PHOTO, "lines": "a_month = storage_per_day × 30 -> TB\n"
                                         "past = storage_per_year + 5 TB\n"
                                         "slow = storage_per_day -> s"})

    assert result.errors["lines:1"].startswith("line 1: '-> TB' is a size (B), but the line is a bandwidth (B/s); "
                                                "storage_per_day is a rate since model 4 (B/day), not a size: "
                                                "multiply it by a duration")
    assert "storage_per_day × 30 days -> TB" in result.errors["lines:1"]
    assert "storage_per_year is a rate since model 4 (B/year)" in result.errors["lines:2"]
    # Not a size either way: no word about the change of model
    assert "model 4" not in result.errors["lines:3"]


def test_a_field_or_parameter_that_counted_storage_per_day_as_a_size_is_refused_with_how_to_write_it():
    result = estimate({**PHOTO, "node_storage": "storage_per_day × 30",
                       "lines": "archive = object_store(data: storage_per_day × 365)\n"
                                "late = workers(rate: 1/s, work: storage_per_day)"})

    assert "node_storage needs a size" in result.errors["node_storage"]
    assert "storage_per_day is a rate since model 4" in result.errors["node_storage"]
    assert "archive.data needs a size" in result.errors["lines:1"]
    assert "storage_per_day is a rate since model 4" in result.errors["lines:1"]
    # a duration was never right: nothing said about the model
    assert "work needs a duration" in result.errors["lines:2"] and "model 4" not in result.errors["lines:2"]
    # written as a rate times a duration, the same parameter is accepted: 5e12 B × 365 = 1.825e15 B at $0.02/GB
    fixed = estimate({**PHOTO, "lines": "archive = object_store(data: storage_per_day × 365 days)"}).results
    assert fixed["archive.data"].value == approx(1.825e15)
    assert fixed["archive.cost"].value == approx(1.825e6 * 0.02)
