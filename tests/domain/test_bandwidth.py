from pytest import approx

from estimator.domain.estimate import estimate

from .test_traffic import PHOTO


def test_5787_reads_a_second_of_200_kb_are_1_16_gb_a_second_out():
    result = estimate(PHOTO).results["egress"]

    assert result.value == approx(1e8 * 5 / 86400 * 200e3)
    assert result.unit == "B/s"
    assert result.display == "1.16 GB/s"
    assert result.work == "5.79k req/s × 200 KB = 1.16 GB/s"


def test_ingress_is_writes_times_object_size():
    result = estimate(PHOTO).results["ingress"]

    assert result.value == approx(1e7 / 86400 * 500e3)  # 57.9 MB/s
    assert result.display == "57.9 MB/s"


def test_peaks_of_bandwidth_scale_by_the_peak_factor():
    results = estimate({**PHOTO, "peak_factor": "2.5"}).results

    assert results["peak_ingress"].value == approx(2.5 * results["ingress"].value)
    assert results["peak_egress"].value == approx(2.5 * results["egress"].value)


def test_a_month_of_egress_is_3_pb_for_the_photo_app():
    result = estimate(PHOTO).results["egress_per_month"]

    assert result.value == approx(1e8 * 5 * 30 * 200e3)  # 3e15 B
    assert result.display == "3 PB/month"
