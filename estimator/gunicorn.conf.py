"""Gunicorn settings for production: `gunicorn -c estimator/gunicorn.conf.py estimator.wsgi`
(what `make serve` runs). Every value can be overridden from the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gevent workers: each connection is a greenlet, so a client that trickles its headers or body
# holds a few kilobytes, not a worker; sync workers served the next client only when the slow
# one finished, and 8 slow sockets stalled every sync worker. An estimate is CPU-bound and
# short, so greenlets rarely switch mid-request; several processes still use every core.
# estimator.serving's worker adds what gunicorn's gevent worker lacks without keep-alive: a
# deadline on each request's headers (5 s) and body (10 s) and on sending its answer (30 s),
# and at most 50 connections per client address in each worker (GUNICORN_HEADER_SECONDS,
# GUNICORN_BODY_SECONDS, GUNICORN_SEND_SECONDS, GUNICORN_CONNECTIONS_PER_ADDRESS).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "estimator.serving.DeadlineWorker"
worker_connections = 1000  # per worker: open connections, slow ones included
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "10"))  # seconds before a stuck worker is replaced
graceful_timeout = 10  # seconds to finish in-flight requests on restart
# No keep-alive: under the gevent worker a kept-alive connection let a few clients hold a worker
# between requests, and the API's p90 at 8 connections was 132–267 ms; with each connection
# closed after its answer it is 12 ms, as with sync workers (bench/endpoints.py, same machine).
# A load balancer in front keeps its own connections to clients.
keepalive = 0
# Recycle workers now and then (bounds any slow leak), jittered so they do not all restart at
# once. Rarely: without preload_app a new worker imports Django anew (~0.5 s), and at 5,000 a
# worker restarted every ~2 s under load, putting a p99 of 0.6–1.7 s on every endpoint
# (bench/endpoints.py).
max_requests = 200_000
max_requests_jitter = 20_000
# No limit of gunicorn's own on the request line (it stops at 1 MB): the app refuses a query
# string past MAX_QUERY_STRING_LENGTH (128 KiB, settings.py), which every form's link fits.
limit_request_line = 0
limit_request_fields = 100
# Each worker imports Django after gevent has patched the standard library, never the master
# before forking: thread-locals made before the patch (Django's database connections) would be
# shared by every greenlet, and psycopg would pick a wait that blocks them all.
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" turns it off
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")  # a path, or "-" for standard error
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")  # the app reads it too (settings.py)


def post_worker_init(worker):
    """Warm each worker before it takes a connection: its first estimate compiles every formula
    and its first page its templates (~0.4 s of CPU), which would otherwise land on some
    client's request, and on that client's CPU budget (estimator/web/throttle.py); then hide
    everything it holds from the garbage collector (gc.freeze)."""
    from django.conf import settings
    from django.test import Client

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h.strip(".*")), "localhost")
    client = Client(raise_request_exception=False, HTTP_HOST=host, REMOTE_ADDR="", HTTP_X_FORWARDED_PROTO="https")
    for path in ("/api/v1/estimate?dau=5M", "/?dau=5M", "/estimate.md?dau=5M"):
        response = client.get(path, secure=True)
        if response.status_code != 200:
            worker.log.warning("warming %s answered %s", path, response.status_code)
    # What is alive now (Django, pint's registry, numpy, the compiled formulas: ~100k objects)
    # lives as long as the worker: moved out of the garbage collector's sight, so a full
    # collection (one every ~1,000 requests, 40–200 ms on this machine) walks only what
    # requests made since.
    gc.collect()
    gc.freeze()
