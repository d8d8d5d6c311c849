from estimator.domain import markdown
from estimator.domain.estimate import estimate
from estimator.domain.presets import BY_SLUG


def test_markdown_holds_name_inputs_results_conventions_and_link():
    photo = BY_SLUG["photo-sharing-100m-dau"]

    text = markdown.render(estimate(photo.inputs), share_url="https://x.test/?dau=100M", name=photo.name)

    assert text.startswith("# Photo sharing app, 100M DAU\n")
    assert "| Daily active users | `dau` | 100M |" in text
    assert "| Reads per second | `read_qps` | 5.79k req/s | 100M users × 5 req/user/day ÷ 86,400 s/day = 5.79k req/s |" in text
    assert "## Conventions" in text and "year = 365 days" in text
    assert text.rstrip().endswith("Share link: <https://x.test/?dau=100M>")


def test_user_text_cannot_inject_markup():
    text = markdown.render(estimate({}), share_url="https://x.test/", name="<script>alert(1)</script> | *x*",
                           description="[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>")

    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert "\\[click\\](javascript:alert(1))" in text  # no link without [ ]
    assert "\\| \\*x\\*" in text


def test_bad_inputs_are_listed_and_their_results_marked():
    text = markdown.render(estimate({"dau": "lots"}), share_url="https://x.test/")

    assert "## Errors" in text and "- `dau`:" in text
    assert "| Reads per second | `read_qps` | unavailable | needs a valid dau |" in text
