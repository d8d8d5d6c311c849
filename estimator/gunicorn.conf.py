"""Gunicorn settings for production: `gunicorn -c estimator/gunicorn.conf.py estimator.wsgi`
(what `make serve` runs). Every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: an estimate is CPU-bound and takes well under a millisecond, and the input
# grammar bounds every request's work, so no request can hold a worker for long.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "10"))  # seconds before a stuck worker is replaced
graceful_timeout = 10  # seconds to finish in-flight requests on restart
keepalive = 5  # seconds; behind a load balancer keep this above 0
max_requests = 5000  # recycle workers now and then, jittered so they do not all restart at once
max_requests_jitter = 500
limit_request_line = 8190  # bytes of request line (the app caps the query string at 8,000)
limit_request_fields = 100
preload_app = True  # import Django, the unit registry and templates once, before forking
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" turns it off
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
