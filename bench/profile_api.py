"""Where one API request's time goes, in process: the rows of bench/distinct.py (the photo preset
with a new `dau` each request, with ten lines, with one range) sent through Django's WSGI
handler with the production settings and middlewares, no two requests alike, split into the
estimate's run (Site.evaluate: the engine), the timeline, the components' figures, the rest of
the API body, the JSON and what is left (Django's request cycle, the middlewares, the ETag);
and the garbage collector's share of all that (after gc.freeze(), as a production worker).

    python bench/profile_api.py [--requests 200] [--rounds 5] [--pyinstrument ROW]

Times are this thread's CPU time (time.thread_time), so the waits of a loaded machine for a
core are not counted. Each row runs `--rounds` rounds of `--requests` requests and shows the
round whose requests took least in all: CPU milliseconds a request and shares. `--pyinstrument plain|ten|range` prints pyinstrument's tree of that row instead.
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from common import TEN_LINES  # noqa: E402

API = "/api/v1/estimate?preset=photo-sharing-100m-dau"
ROWS = {"plain": (f"{API}&dau=", "K"), "ten": (f"{API}&lines={quote(TEN_LINES, safe='')}&dau=", "K"),
        "range": (f"{API}&dau=50.", quote("M to 200M"))}  # as bench/distinct.py asks them
PIECES = ("estimate (engine)", "timeline", "components", "API body (the rest)", "JSON", "Django and middlewares",
          "GC, within the above")


def _setup() -> None:
    os.environ.update(DJANGO_SETTINGS_MODULE="estimator.settings", DJANGO_ENV="production",
                      DJANGO_SECRET_KEY="profile-only", DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_BEHIND_PROXY="1",
                      CPU_SECONDS_PER_MINUTE="1000000", SQLITE_PATH=str(Path(tempfile.mkdtemp()) / "db.sqlite3"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pyinstrument", choices=list(ROWS))
    parser.add_argument("--no-freeze", action="store_true", help="leave out gc.freeze() after the warm-up, "
                        "which a production worker does (estimator/gunicorn.conf.py)")
    args = parser.parse_args()
    _setup()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from estimator.domain.engine.result import Estimate
    from estimator.render import api
    from estimator.web import http, sites

    clock = time.thread_time  # CPU time: a loaded machine's waits for a core are not counted
    spent: dict[str, float] = {}

    def timed(function, piece):
        def wrapper(*a, **k):
            began = clock()
            try:
                return function(*a, **k)
            finally:
                spent[piece] = spent.get(piece, 0.0) + clock() - began
        return wrapper

    sites.Site.evaluate = timed(sites.Site.evaluate, "estimate (engine)")
    sites.estimate_body = timed(api.estimate_body, "body")
    writer = "json_bytes" if hasattr(http, "json_bytes") else "dumps"  # before orjson: dumps
    sites.json_response.__globals__[writer] = timed(getattr(http, writer), "JSON")
    for name in ("timeline", "components"):
        prop = Estimate.__dict__[name]
        prop.func = timed(prop.func, name)
    counter = itertools.count(1)
    statuses = []

    def request(prefix: str, suffix: str) -> None:
        path, _, query = f"{prefix}{next(counter)}{suffix}".partition("?")
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
                   "SERVER_PORT": "443", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
                   "HTTP_HOST": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https", "wsgi.url_scheme": "http",
                   "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.multithread": False,
                   "wsgi.multiprocess": True, "wsgi.run_once": False}
        began = clock()
        b"".join(application(environ, lambda status, headers: statuses.append(status)))
        spent["whole"] = spent.get("whole", 0.0) + clock() - began
        if not statuses[-1].startswith("200"):
            raise SystemExit(f"{path}?{query} answered {statuses[-1]}")

    for prefix, suffix in ROWS.values():  # compile every formula, memoize the preset's texts
        for _ in range(20):
            request(prefix, suffix)
    if not args.no_freeze:  # as a production worker does once warmed
        gc.collect()
        gc.freeze()
    collecting = []

    def collection(phase: str, info: dict) -> None:
        if phase == "start":
            collecting.append(clock())
        elif collecting:
            spent["GC"] = spent.get("GC", 0.0) + clock() - collecting.pop()

    gc.callbacks.append(collection)
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        with profiler:
            for _ in range(args.requests):
                request(*ROWS[args.pyinstrument])
        print(profiler.output_text(unicode=True, color=False))
        return
    print(f"{'row':6} {'ms a request':>12}  " + "  ".join(PIECES))
    for row, (prefix, suffix) in ROWS.items():
        rounds = []
        for _ in range(args.rounds):
            spent.clear()
            for _ in range(args.requests):
                request(prefix, suffix)
            rounds.append({k: v / args.requests * 1000 for k, v in spent.items()})
        best = min(rounds, key=lambda r: r["whole"])
        body = best["body"] - best.get("timeline", 0) - best.get("components", 0)
        pieces = [best["estimate (engine)"], best.get("timeline", 0), best.get("components", 0), body, best["JSON"]]
        pieces += [best["whole"] - sum(pieces), best.get("GC", 0.0)]
        print(f"{row:6} {best['whole']:12.3f}  " + "  ".join(f"{v:.3f} ({v / best['whole']:.0%})".rjust(len(p))
                                                          for v, p in zip(pieces, PIECES)))


if __name__ == "__main__":
    main()
