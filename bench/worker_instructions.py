"""Instructions a request in the gunicorn worker's whole path, counted by valgrind's callgrind
(which the load of a shared machine does not blur, unlike req/s or CPU time): the product's
gevent worker (estimator.serving.DeadlineWorker, configured from estimator/gunicorn.conf.py and
warmed by its post_worker_init) handles connections from a client greenlet of the same process
over loopback, one at a time; the instructions of `--requests` requests, divided by their
number. The client's own share (connecting, sending, reading) is in every row alike.

    python bench/worker_instructions.py [--requests 100] [hello floor plain ten range]

Rows: hello (bench/hello/, the baseline of bench/distinct.py), floor (the estimate API with a
canned body, bench/floor/), plain, ten (ten lines) and range: the queries of bench/distinct.py.
System calls are not counted (callgrind counts user space): a change that saves a send or a
clock read shows in `strace -c -f`, not here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from common import counted_between

ROOT = Path(__file__).resolve().parents[1]
API = "/api/v1/estimate?preset=photo-sharing-100m-dau"
PATHS = {"hello": ("/?n=", ""), "floor": (f"{API}&dau=", "K"), "plain": (f"{API}&dau=", "K"),
         "ten": (None, "K"), "range": (f"{API}&dau=50.", quote("M to 200M"))}
WARM = 50


def child(kind: str, count: int) -> None:
    """Runs in the measured process: set up a worker, warm it, say "ready", wait for a line
    (callgrind's instrumentation switched on), run `count` requests, say "done", wait again."""
    from gevent import monkey

    monkey.patch_all()
    import runpy
    import secrets
    import shutil

    os.chdir(ROOT)
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from common import TEN_LINES

    from tests.server import harness

    if kind == "hello":
        os.environ["DJANGO_SETTINGS_MODULE"] = "hello.settings"
    else:
        db = Path(tempfile.mkdtemp()) / "db.sqlite3"
        shutil.copyfile(harness._migrated_sqlite(), db)
        os.environ.update(DJANGO_ENV="production", DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                          DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_BEHIND_PROXY="1", SQLITE_PATH=str(db),
                          CPU_SECONDS_PER_MINUTE="1000000",
                          DJANGO_SETTINGS_MODULE="floor.settings" if kind == "floor" else "estimator.settings")
    import socket

    import gevent
    from django.core.wsgi import get_wsgi_application
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    from estimator.serving import DeadlineWorker

    conf = runpy.run_path("estimator/gunicorn.conf.py")
    cfg = Config()
    for name in ("keepalive", "limit_request_line", "limit_request_fields", "forwarded_allow_ips", "max_requests"):
        cfg.set(name, conf[name])
    cfg.set("accesslog", None)
    cfg.set("errorlog", os.devnull)
    worker = DeadlineWorker(0, os.getppid(), [], None, 30, cfg, Logger(cfg))
    worker.wsgi = get_wsgi_application()
    if kind != "hello":
        conf["post_worker_init"](worker)
    prefix, suffix = PATHS[kind]
    if kind == "ten":
        prefix = f"{API}&lines={quote(TEN_LINES, safe='')}&dau="
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    address = listener.getsockname()
    statuses = []

    def client(n: int) -> None:
        with socket.create_connection(address) as sock:
            sock.sendall(f"GET {prefix}{n}{suffix} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         f"X-Forwarded-Proto: https\r\n\r\n".encode())
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        statuses.append(answer[9:12])

    def run(first: int, n: int) -> None:
        for i in range(first, first + n):
            asking = gevent.spawn(client, i)
            connection, peer = listener.accept()
            gevent.spawn(worker.handle, listener, connection, peer).join()
            asking.join()

    run(1, WARM)
    print("ready", flush=True)
    sys.stdin.readline()
    run(1000, count)
    print("done", flush=True)
    sys.stdin.readline()
    print(" ".join(sorted({s.decode() for s in statuses})), flush=True)


def measure(kind: str, count: int) -> tuple[float, str]:
    """(instructions a request, the statuses answered)."""
    total, statuses = counted_between([sys.executable, __file__, "--child", kind, "--requests", str(count)])
    return total / count, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", nargs="*", help=f"any of {', '.join(PATHS)} (default: hello floor plain)")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.requests)
        return
    rows = args.rows or ["hello", "floor", "plain"]
    if unknown := set(rows) - PATHS.keys():
        parser.error(f"no row {', '.join(sorted(unknown))}; rows are {', '.join(PATHS)}")
    for kind in rows:
        instructions, statuses = measure(kind, args.requests)
        print(f"{kind:6} {instructions / 1e6:7.2f}M instructions a request  (statuses: {statuses})", flush=True)


if __name__ == "__main__":
    main()
