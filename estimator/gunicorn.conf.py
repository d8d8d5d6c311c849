"""Gunicorn settings for production: `gunicorn -c estimator/gunicorn.conf.py estimator.wsgi`
(what `make serve` runs). Every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gevent workers: each connection is a greenlet, so a client that trickles its headers or body
# (or never finishes them) holds a few kilobytes, not a worker; sync workers served the next
# client only when the slow one finished, and 8 slow sockets stalled every sync worker. An
# estimate is CPU-bound and short, so greenlets rarely switch mid-request; several processes
# still use every core.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gevent"
worker_connections = 1000  # per worker: open connections, slow ones included
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "10"))  # seconds before a stuck worker is replaced
graceful_timeout = 10  # seconds to finish in-flight requests on restart
# Seconds to wait for a request's headers (gevent bounds each request's read of them by
# this) and for the next request on a kept-alive connection; behind a load balancer keep it
# above 0.
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
limit_request_line = 8190  # bytes of request line (the app caps the query string at 8,000)
limit_request_fields = 100
# Each worker imports Django after gevent has patched the standard library, never the master
# before forking: thread-locals made before the patch (Django's database connections) would be
# shared by every greenlet, and psycopg would pick a wait that blocks them all.
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" turns it off
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")  # the app reads it too (settings.py)
