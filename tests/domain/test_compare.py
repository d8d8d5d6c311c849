from pytest import approx

from estimator.domain.compare import compare
from estimator.render.compare import render_markdown
from estimator.domain.estimate import estimate


def rows_by_name(table):
    return {row.name: row for row in table.rows}


def test_twice_the_users_doubles_the_read_rate_and_says_so():
    a, b = estimate({"dau": "1M"}), estimate({"dau": "2M"})

    comparison = compare(a=a, b=b)

    read = rows_by_name(comparison.results)["read_qps"]
    assert (read.a, read.b) == ("116 req/s", "231 req/s")  # 1M × 10 / 86,400 s and twice that
    assert read.ratio == approx(2.0) and read.percent == approx(100.0)
    assert read.ratio_text == "×2" and read.percent_text == "+100%" and read.change == "×2 (+100%)"
    dau = rows_by_name(comparison.inputs)["dau"]
    assert dau.changed and dau.change == "×2 (+100%)"


def test_the_changed_rows_come_first_each_part_in_declaration_order():
    comparison = compare(a=estimate({"dau": "1M"}), b=estimate({"dau": "2M", "peak_factor": "3"}))

    inputs = [row.name for row in comparison.inputs.rows]
    results = [row.name for row in comparison.results.rows]
    assert inputs[:2] == ["dau", "peak_factor"] and not comparison.inputs.rows[2].changed
    assert results[0] == "read_qps" and results.index("peak_qps") < results.index("nines")
    assert all(row.changed for row in comparison.results.changed)
    assert comparison.results.rows == comparison.results.changed + comparison.results.same
    assert rows_by_name(comparison.inputs)["peak_factor"].change == "×1.5 (+50%)"


def test_peak_rate_follows_both_changes():
    comparison = compare(a=estimate({"dau": "1M"}), b=estimate({"dau": "2M", "peak_factor": "3"}))

    peak = rows_by_name(comparison.results)["peak_qps"]
    assert peak.ratio == approx(3.0)  # twice the users at 3/2 the peak factor
    assert peak.percent_text == "+200%"


def test_a_drop_is_a_ratio_below_one_and_a_negative_percentage():
    comparison = compare(a=estimate({"dau": "3M"}), b=estimate({"dau": "1M"}))

    read = rows_by_name(comparison.results)["read_qps"]
    assert read.ratio_text == "×0.333" and read.percent_text == "−66.7%"


def test_one_figure_typed_two_ways_is_no_change():
    comparison = compare(a=estimate({"dau": "1M"}), b=estimate({"dau": "1000k"}))

    dau = rows_by_name(comparison.inputs)["dau"]
    assert (dau.a, dau.b) == ("1M", "1000k") and not dau.changed and dau.change == "same"
    assert comparison.inputs.changed == () and comparison.results.changed == ()


def test_an_input_given_on_one_side_only_is_added():
    comparison = compare(a=estimate({}), b=estimate({"read_qps": "1k"}))

    given = rows_by_name(comparison.inputs)["read_qps"]
    assert given.changed and (given.a, given.b) == ("", "1k") and given.change == "added"
    assert rows_by_name(comparison.results)["read_qps"].ratio == approx(1000 / (1e6 * 10 / 86400))


def test_a_choice_is_compared_by_its_text():
    comparison = compare(a=estimate({}), b=estimate({"size_units": "binary"}))

    units = rows_by_name(comparison.inputs)["size_units"]
    assert units.changed and units.change == "changed"
    storage = rows_by_name(comparison.results)["storage_total"]
    assert storage.a != storage.b and not storage.changed  # shown in other units, the same bytes


def test_lines_are_compared_as_results_in_your_lines():
    a = estimate({"lines": "tweets = dau × 2 req/user/day\nfits = tweets <= 30M req/day"})
    b = estimate({"dau": "20M", "lines": "tweets = dau × 2 req/user/day\nfits = tweets <= 30M req/day\n"
                                        "media = tweets × 1 MB/req"})

    rows = rows_by_name(compare(a=a, b=b).results)

    assert rows["tweets"].group == "Your lines" and rows["tweets"].change == "×20 (+1,900%)"
    assert rows["fits"].change == "yes → no"  # 2M req/day fits under 30M; 40M does not
    assert rows["media"].a == "" and rows["media"].change == "added"
    assert "lines" not in rows_by_name(compare(a=a, b=b).inputs)
    assert rows["tweets"].own and rows["media"].own  # the user's text: markdown escapes it whole
    assert not rows["peak_qps"].own


def test_a_line_only_a_has_is_removed():
    comparison = compare(a=estimate({"lines": "x = 5 req"}), b=estimate({}))

    x = rows_by_name(comparison.results)["x"]
    assert x.b == "" and x.change == "removed"


def test_a_change_from_zero_has_no_ratio():
    # Payloads above 100 KB go to object storage: none at 1 KB, some at 500 KB.
    comparison = compare(a=estimate({"object_size": "1 KB"}), b=estimate({"object_size": "500 KB"}))

    objects = rows_by_name(comparison.results)["object_storage_total"]
    assert objects.a == "0 B" and objects.ratio is None and objects.change == "from 0"


def test_markdown_has_both_tables_changed_rows_first():
    comparison = compare(a=estimate({"dau": "1M"}), b=estimate({"dau": "2M"}))

    text = render_markdown(comparison, a_name="Launch", b_name="Year two", a_url="https://x.test/?dau=1M",
                           b_url="https://x.test/?dau=2M", url="https://x.test/compare/?a=dau%3D1M&b=dau%3D2M")

    assert text.startswith("# Compare: Launch → Year two\n")
    assert "1 of 33 inputs and" in text
    inputs = text.split("## Inputs")[1].split("## Results")[0].strip().splitlines()
    assert inputs[:3] == ["| Input | Name | A | B | Change |", "|---|---|---|---|---|",
                          "| Daily active users | `dau` | 1M | 2M | ×2 (+100%) |"]
    results = text.split("## Results")[1].strip().splitlines()
    assert results[2] == "| Reads per second | `read_qps` | Traffic | 116 req/s | 231 req/s | ×2 (+100%) |"
    assert "| Nines | `nines` | Availability | 3 | 3 | same |" in text
    assert text.rstrip().endswith("Compare link: <https://x.test/compare/?a=dau%3D1M&b=dau%3D2M>")


def test_markdown_keeps_hostile_names_and_inputs_as_text():
    a = estimate({"dau": "<img src=x onerror=alert(1)> | x"})
    comparison = compare(a=a, b=estimate({}))

    text = render_markdown(comparison, a_name="<script>alert(1)</script>", b_name="[x](javascript:alert(1))",
                           a_url="https://x.test/", b_url="https://x.test/", url="https://x.test/compare/")

    assert "<script>" not in text and "<img" not in text
    assert "&lt;script>alert(1)&lt;/script>" in text  # < and & open markup; > alone is inert
    assert "\\[x\\](javascript:alert(1))" in text
    assert "&lt;img src=x onerror=alert(1)> \\| x" in text  # the | cannot end the cell
