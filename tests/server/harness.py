"""A real server for tests and benchmarks: gunicorn on a free loopback port, with its own
database (a temporary SQLite file, or a fresh PostgreSQL database on the server that
DATABASE_URL names), a small HTTP client that keeps cookies and a CSRF token, and raw sockets
for what no polite client sends (slow headers, huge bodies). Everything targets 127.0.0.1."""

from __future__ import annotations

import atexit
import functools
import http.client
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def database():
    """Environment variables naming a fresh, migrated database; dropped afterwards. Each is a
    copy of one database migrated once per process (a copied SQLite file, or a PostgreSQL
    database made from a template): migrating anew took ~3 s a server."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = f"estimator_run_{secrets.token_hex(4)}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_migrated_postgres(url)}"')
        parts = urllib.parse.urlsplit(url)
        env = {"DATABASE_URL": urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))}
        try:
            yield env
        finally:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "db.sqlite3"
            shutil.copyfile(_migrated_sqlite(), path)
            yield {"SQLITE_PATH": str(path), "DATABASE_URL": ""}


@functools.cache
def _migrated_sqlite() -> Path:
    """A migrated SQLite file, made once per process and removed at its exit."""
    folder = tempfile.mkdtemp(prefix="estimator-migrated-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = Path(folder) / "db.sqlite3"
    migrate({"SQLITE_PATH": str(path), "DATABASE_URL": ""})
    return path


@functools.cache
def _migrated_postgres(url: str) -> str:
    """The name of a migrated PostgreSQL database on the server `url` names, made once per
    process and dropped at its exit; nothing connects to it after migrating (a template must
    have no connections)."""
    import psycopg

    name = f"estimator_template_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(drop)
    parts = urllib.parse.urlsplit(url)
    migrate({"DATABASE_URL": urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))})
    return name


def server_env(extra: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, **extra}
    if not env.get("DATABASE_URL"):
        env.pop("DATABASE_URL", None)
    return env


def collectstatic(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True,
                   timeout=300)


def migrate(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=server_env(env), check=True,
                   timeout=120)


# Caps and throttles out of the way of load and crash tests; a test that checks one sets it.
UNCAPPED = {"SCENARIOS_PER_HOUR": "1000000", "REVISIONS_PER_HOUR": "1000000", "SIGN_INS_PER_HOUR": "1000000",
            "SIGN_UPS_PER_HOUR": "1000000", "SIGN_INS_PER_ADDRESS_PER_HOUR": "1000000",
            "CPU_SECONDS_PER_MINUTE": "1000000"}


class Server:
    """gunicorn started in its own process group, so SIGKILL takes master and workers.
    `settings` are environment variables over the uncapped defaults (settings.py reads them)."""

    def __init__(self, env: dict[str, str], *, workers: int = 2, production: bool = False,
                 settings: dict[str, str] | None = None):
        self.port = free_port()
        self.host = "127.0.0.1"
        self.url = f"http://{self.host}:{self.port}"
        self.env = server_env({**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": str(workers),
                               "GUNICORN_ACCESS_LOG": "", **UNCAPPED, **(settings or {})})
        if production:
            # Behind a load balancer that terminates TLS: clients send X-Forwarded-Proto: https.
            self.env.update(DJANGO_ENV="production", DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_BEHIND_PROXY="1")
            collectstatic(self.env)
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> float:
        """Start and wait for the first 200; returns the seconds that took. `timeout` bounds a
        start that hangs: each worker imports Django and warms itself (~1 s of CPU), so on a
        machine whose cores are busy a start is slow, which must not fail a test."""
        began = time.monotonic()
        probe = urllib.request.Request(self.url + "/api/v1/estimate", headers={"X-Forwarded-Proto": "https"})
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "estimator/gunicorn.conf.py", "estimator.wsgi"], cwd=ROOT, env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        while time.monotonic() - began < timeout:
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - began
            except (OSError, urllib.error.URLError):
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn exited during start")
                time.sleep(0.02)
        self.kill()
        raise RuntimeError("gunicorn did not answer in time")

    def kill(self) -> None:
        """SIGKILL: no cleanup, no graceful shutdown, as a crash or an OOM kill would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def serving(*, workers: int = 2, production: bool = False, settings: dict[str, str] | None = None):
    """A started gunicorn on a fresh database; stopped, and the database dropped, afterwards,
    whatever happens in between."""
    with database() as env:
        server = Server(env, workers=workers, production=production, settings=settings)
        server.start()
        try:
            yield server
        finally:
            server.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _FromAddress(urllib.request.HTTPHandler):
    """Connects from a chosen loopback address (127.0.0.2 is a peer no proxy setting trusts)."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source

    def http_open(self, req):
        return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(self.source, 0)), req)


class Browser:
    """An HTTP client with a cookie jar: gets the CSRF token from a page, then posts forms.
    `headers` go with every request (X-Forwarded-For, to be a given client behind a proxy);
    `source` is the loopback address it connects from."""

    def __init__(self, base: str, *, headers: dict[str, str] | None = None, source: str | None = None):
        self.base = base
        self.headers = headers or {}
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()]
        if source:
            handlers.append(_FromAddress(source))
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, path: str, data: dict | None = None, timeout: float = 10,
                headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
        body = None
        if data is not None:
            token = next((c.value for c in self.jar if c.name == "csrftoken"), None)
            if token is None:
                self.request("/")
                token = next(c.value for c in self.jar if c.name == "csrftoken")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        try:
            request = urllib.request.Request(self.base + path, data=body, headers={**self.headers, **(headers or {})})
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def create(self, name: str, **inputs) -> str:
        status, headers, _ = self.request("/s/", {"name": name, **inputs})
        if status != 303:
            raise RuntimeError(f"create answered {status}")
        return re.match(r"/s/([\w-]+)/", headers["Location"]).group(1)


def raw_connection(server: Server, timeout: float = 10, source: str | None = None) -> socket.socket:
    """A plain socket to the server, for requests no HTTP library would send, from the
    loopback address `source` if given."""
    return socket.create_connection((server.host, server.port), timeout=timeout,
                                    source_address=(source, 0) if source else None)


def how_it_ends(sock: socket.socket, timeout: float) -> str:
    """"eof" when a read of `sock` meets the end of the stream within `timeout` seconds (the
    server closed it; any answer before the end is skipped), "reset" when the server closed it
    with our bytes unread, "open" when it is still open after `timeout`."""
    sock.settimeout(timeout)
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return "open"
    except ConnectionResetError:
        return "reset"
    return "eof"


def raise_open_files_limit(wanted: int) -> None:
    """Raise this process's soft limit on open files to `wanted` (within the hard limit): the
    attack tests hold thousands of sockets."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def status_of(sock: socket.socket) -> int:
    """The status code of the response arriving on `sock` (reads only its first line)."""
    head = b""
    while b"\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError(f"closed before a status line: {head!r}")
        head += chunk
    return int(head.split(b" ", 2)[1])
