from estimator.render import markdown
from estimator.domain.estimate import estimate
from estimator.domain.presets import BY_SLUG


def test_markdown_holds_name_inputs_results_conventions_and_link():
    photo = BY_SLUG["photo-sharing-100m-dau"]

    text = markdown.render(estimate(photo.inputs), share_url="https://x.test/?dau=100M", name=photo.name)

    assert text.startswith("# Photo sharing app, 100M DAU\n")
    assert "| Daily active users | `dau` | 100M |" in text
    assert "| Reads per second | `read_qps` | 5.79k req/s | 100M users × 5 req/user/day × 1 day ÷ 24 h = 5.79k req/s |" in text
    assert "## Conventions" in text and "year = 365 days" in text
    assert text.rstrip().endswith("Share link: <https://x.test/?dau=100M>")


def test_user_text_cannot_inject_markup():
    text = markdown.render(estimate({}), share_url="https://x.test/", name="<script>alert(1)</script> | *x*",
                           description="[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>")

    assert "<script>" not in text and "<img" not in text
    assert "&lt;script>" in text  # < and & are what open markup; > alone is inert
    assert "\\[click\\](javascript:alert(1))" in text  # no link without [ ]
    assert "\\| \\*x\\*" in text


def test_urls_in_user_text_are_code_never_links():
    text = markdown.render(estimate({"lines": "x = 1 # see https://evil.test/a_b"}), share_url="https://x.test/",
                           name="Plan from www.evil.test",
                           description="Phish at https://evil.test/login?next=*x* or mail ada@evil.test.")

    body = text.split("Share link:")[0]  # the share link is ours, meant to be followed
    assert "# Plan from `www.evil.test`" in body
    assert "Phish at `https://evil.test/login?next=*x*` or mail `ada@evil.test`." in body
    assert "`https://evil.test/a_b`" in body
    bare = body.replace("`https://evil.test/login?next=*x*`", "").replace("`https://evil.test/a_b`", "")
    assert "https://" not in bare and "www.evil" not in bare.replace("`www.evil.test`", "")


def test_bad_inputs_are_listed_and_their_results_marked():
    text = markdown.render(estimate({"dau": "lots"}), share_url="https://x.test/")

    assert "## Errors" in text and "- `dau`:" in text
    assert "| Reads per second | `read_qps` | unavailable | needs a valid dau |" in text


def test_lines_are_exported_with_their_values_and_work():
    text = markdown.render(estimate({"lines": "media = 10M req/day × 1 MB/req\nbad = 1 KB + 5"}),
                           share_url="https://x.test/")

    assert "## Your lines" in text
    assert "10M req/day × 1 MB/req = 116 MB/s" in text  # 1e7 × 1e6 B a day ÷ 86,400 s
    assert "- `lines:2`: line 2: cannot add a size (B) and a plain number" in text


def test_a_line_cannot_inject_markup():
    text = markdown.render(estimate({"lines": "x = 1 # <script>alert(1)</script> | *x*"}), share_url="https://x.test/")

    assert "<script>" not in text


def test_arrows_in_user_text_stay_readable_and_markup_stays_inert():
    from estimator.render.markdown import escape

    assert escape("a -> b") == "a -> b"
    assert escape("<script>") == "&lt;script>"
    assert escape("> quoted") == "\\> quoted"


def test_a_revision_says_when_it_was_saved():
    from estimator.domain.estimate import estimate
    from estimator.render.markdown import render

    text = render(estimate({}), share_url="http://x/", name="N", revision=2, saved="24 Nov 2026, 14:17 UTC")

    assert "Revision 2, saved 24 Nov 2026, 14:17 UTC." in text
