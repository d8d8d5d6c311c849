"""One settings module, driven by the environment.

Local defaults are safe (SQLite, DEBUG off unless DJANGO_DEBUG=1); DJANGO_ENV=production
turns on every deploy-time protection and refuses to start without a secret key and hosts.

Environment:
  DJANGO_ENV            "production" for deployment; anything else is local
  DJANGO_DEBUG          "1" to turn on Django's debug pages (never in production)
  DJANGO_SECRET_KEY     required in production
  DJANGO_ALLOWED_HOSTS  comma-separated host names; required in production
  DATABASE_URL          postgres://user:pass@host:5432/name selects PostgreSQL (else SQLite)
  DATABASE_POOL_SIZE    PostgreSQL connections per worker process (default 10)
  SQLITE_PATH           where the SQLite file lives (default: db.sqlite3 beside manage.py)
  SITE_URL              absolute base of share links the CLI prints (default http://127.0.0.1:8000)
  DJANGO_BEHIND_PROXY   "1" when a load balancer terminates TLS and sets X-Forwarded-Proto/-For
  FORWARDED_ALLOW_IPS   the proxies whose forwarded headers count, comma-separated addresses or
                        networks (default 127.0.0.1,::1; gunicorn reads the same variable); the
                        app ignores forwarded headers from anyone else, and from everyone
                        unless DJANGO_BEHIND_PROXY=1
  SCENARIOS_PER_HOUR    cap on scenarios created per owner or address (default 60)
  REVISIONS_PER_HOUR    cap on revisions saved per owner or address (default 200)
  SIGN_INS_PER_HOUR     sign-in attempts at one username from one address (default 20)
  SIGN_INS_PER_ADDRESS_PER_HOUR  sign-in attempts from one address, any names (default 100)
  SIGN_UPS_PER_HOUR     sign-up attempts per address (default 10)
  CPU_SECONDS_PER_MINUTE  CPU seconds one client address may spend a minute on requests that
                        cost more than CPU_FREE_MS each, refilled continuously, a minute's worth
                        at once at most (default 10: a sixth of a core)
  CPU_FREE_MS           CPU milliseconds a request may cost uncharged (default 20)
"""

from pathlib import Path
import os

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "").strip().lower() == "production"
DEBUG = env_flag("DJANGO_DEBUG") and not PRODUCTION

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ValueError("You must set DJANGO_SECRET_KEY when DJANGO_ENV=production")
    SECRET_KEY = "local-only-insecure-key-never-used-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver,[::1]")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ValueError("You must set DJANGO_ALLOWED_HOSTS when DJANGO_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_ratelimit",
    "django_htmx",
    "template_partials",
    "estimator.web",
]

MIDDLEWARE = [
    "estimator.web.middleware.ProxyMiddleware",  # first: what follows reads the client's address and scheme
    "django.middleware.security.SecurityMiddleware",
    "estimator.web.middleware.StaticFilesMiddleware",  # serves static files before anything below runs
    "estimator.web.throttle.CpuBudgetMiddleware",  # each address's share of the CPU: everything below is metered
    "django.middleware.gzip.GZipMiddleware",  # pages; Django ≥ 4.2 pads it against BREACH
    "estimator.web.middleware.RequestLimitMiddleware",
    "estimator.web.middleware.ApiFastPathMiddleware",  # pure JSON GETs skip sessions, auth, CSRF, CSP below
    "django.contrib.sessions.middleware.SessionMiddleware",
    "estimator.web.middleware.PrivatePagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "estimator.urls"
WSGI_APPLICATION = "estimator.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    # Health checks: the pool checks a connection before each reuse.
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_health_checks=True)}
    # A pool per process (psycopg_pool): under gevent every greenlet is a "thread" to Django, so
    # persistent per-thread connections would pile up, one per client connection; the pool
    # bounds them and hands one to each request for its duration.
    DATABASES["default"]["OPTIONS"] = {"pool": {
        "min_size": 1,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "10")),  # connections per worker process
        "timeout": 10,  # seconds a request waits for a free connection before failing
        "max_idle": 60,  # seconds an unused connection is kept
    }}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # Concurrent writers queue instead of failing with "database is locked"
                # (Django's SQLite notes: "database is locked" errors).
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
                "timeout": 20,  # seconds a writer waits for the lock
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Sign-in and sign-up counters: in the database so every worker and app server shares them.
    # Past MAX_ENTRIES the cache evicts live counters too, so it is far above what an hour's
    # honest use makes (Django's default, 300, would let a spray of names wipe the counts).
    "throttle": {"BACKEND": "estimator.web.throttle.AtomicDatabaseCache", "LOCATION": "estimator_throttle",
                 "OPTIONS": {"MAX_ENTRIES": 100_000}},
}
RATELIMIT_USE_CACHE = "throttle"
# django-ratelimit warns about any cache but memcached and Redis (W001) because their
# increments are atomic; AtomicDatabaseCache makes the database's atomic too.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my_scenarios"
LOGOUT_REDIRECT_URL = "calculator"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# collectstatic writes here for production; locally files are read from their folders.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production serves hashed, compressed files (run collectstatic); local use reads
        # the source folders directly.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if PRODUCTION else 0  # a year (StaticFilesMiddleware: hashed names too)

# Requests: bounded work per request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # bytes of form body: a scenario is a few hundred
MAX_REQUEST_BODY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE  # any body, multipart too: RequestLimitMiddleware
# No form takes a file: should a multipart part slip through, it stays in memory, never in /tmp.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
# Characters of query string (RequestLimitMiddleware): every form a calculator's page can hold
# must fit its own link, and one character can take 12 once encoded (4,000 characters of lines
# written with × or emoji in comments, 33 fields of 200): the longest is 106,084 characters
# (tests/web/test_middleware.py computes it from the limits). gunicorn's line limit is off
# (limit_request_line = 0: it then stops at 1 MB) so that this one decides.
MAX_QUERY_STRING_LENGTH = 128 * 1024
SCENARIOS_PER_HOUR = int(os.environ.get("SCENARIOS_PER_HOUR", "60"))
REVISIONS_PER_HOUR = int(os.environ.get("REVISIONS_PER_HOUR", "200"))  # a save every 18 s for an hour
SIGN_INS_PER_HOUR = int(os.environ.get("SIGN_INS_PER_HOUR", "20"))  # one name from one address
SIGN_INS_PER_ADDRESS_PER_HOUR = int(os.environ.get("SIGN_INS_PER_ADDRESS_PER_HOUR", "100"))  # any names
SIGN_UPS_PER_HOUR = int(os.environ.get("SIGN_UPS_PER_HOUR", "10"))
# A fair share of the CPU per client address (throttle.CpuBudgetMiddleware): ordinary answers
# cost a few ms and are free; the expensive ones (many ranges × many lines, compare of two
# such) cost 100–200 ms, so 10 s a minute is 50–100 of them at once, then one as the budget
# refills (a 150 ms request every 0.9 s), 429 with Retry-After in between.
CPU_SECONDS_PER_MINUTE = float(os.environ.get("CPU_SECONDS_PER_MINUTE", "10"))
CPU_FREE_MS = int(os.environ.get("CPU_FREE_MS", "20"))

# Forwarded headers (client address, scheme) are believed only from these peers.
BEHIND_PROXY = env_flag("DJANGO_BEHIND_PROXY")
TRUSTED_PROXIES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1") if BEHIND_PROXY else []
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Security headers everywhere; TLS-only cookies and redirects in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Anonymous owners are their browser session: keep it a year, not Django's two weeks, so an
# anonymous scenario stays editable by its browser (it is readable by link regardless).
SESSION_COOKIE_AGE = 60 * 60 * 24 * 365
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = True
    # A load balancer's health check speaks plain HTTP and does not follow redirects.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host-: browsers take these cookies only from this host over HTTPS, with no Domain, so a
    # sibling subdomain cannot plant a session (fixation) or a CSRF token.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365  # a year
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
