"""Page weight of the first load: the calculator page and everything it links, fetched as a
browser would (Accept-Encoding: gzip, br) from gunicorn with production settings.

    python bench/pageweight.py

Targets: ≤ 50 KB transferred, ≤ 5 requests, no third-party host; static files compressed and
cached as immutable.
"""

from __future__ import annotations

import argparse
import gzip
import re
import urllib.parse
import urllib.request

from common import table, verdict

from tests.server.harness import serving

TARGET_BYTES = 50 * 1000
TARGET_REQUESTS = 5
YEAR_SECONDS = 365 * 24 * 3600


def fetch(url: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br", "X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def run(quick: bool = False) -> dict:
    with serving(workers=1, production=True) as server:
        _, headers, body = fetch(server.url + "/")
        html = body
        if headers.get("content-encoding") == "gzip":
            html = gzip.decompress(body)
        links = re.findall(rb'(?:href|src)="([^"]+\.(?:css|js|svg|png|woff2?))"', html)
        assets = sorted({urllib.parse.urljoin(server.url + "/", link.decode()) for link in links})
        rows = [{"url": "/", "bytes": len(body), "encoding": headers.get("content-encoding", "none"),
                 "cache": headers.get("cache-control", "")}]
        for asset in assets:
            _, asset_headers, asset_body = fetch(asset)
            rows.append({"url": urllib.parse.urlsplit(asset).path, "bytes": len(asset_body),
                         "encoding": asset_headers.get("content-encoding", "none"),
                         "cache": asset_headers.get("cache-control", "")})
    hosts = {urllib.parse.urlsplit(a).netloc for a in assets}
    third_party = sorted(h for h in hosts if not h.startswith("127.0.0.1"))
    total = sum(r["bytes"] for r in rows)
    static_ok = all(
        "immutable" in r["cache"] and int(re.search(r"max-age=(\d+)", r["cache"]).group(1)) >= YEAR_SECONDS
        for r in rows[1:]
    )
    compressed = all(r["encoding"] != "none" or r["bytes"] < 1000 for r in rows)
    return {"rows": rows, "total": total, "requests": len(rows), "third_party": third_party, "static_ok": static_ok,
            "compressed": compressed,
            "met": total <= TARGET_BYTES and len(rows) <= TARGET_REQUESTS and not third_party and static_ok
            and compressed}


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    r = run()
    print(table(["request", "bytes transferred", "encoding", "cache-control"],
                [[x["url"], f"{x['bytes']:,}", x["encoding"], x["cache"]] for x in r["rows"]]))
    print()
    print(table(["measure", "figure", "target", "verdict"], [
        ["bytes transferred", f"{r['total']:,}", f"≤ {TARGET_BYTES:,}", verdict(r["total"] <= TARGET_BYTES)],
        ["requests", r["requests"], f"≤ {TARGET_REQUESTS}", verdict(r["requests"] <= TARGET_REQUESTS)],
        ["third-party hosts", ", ".join(r["third_party"]) or "none", "none", verdict(not r["third_party"])],
        ["static immutable, ≥ 1 year", "yes" if r["static_ok"] else "no", "yes", verdict(r["static_ok"])],
        ["compressed (over 1 KB)", "yes" if r["compressed"] else "no", "yes", verdict(r["compressed"])],
    ]))


if __name__ == "__main__":
    main()
