"""gunicorn's gevent worker with deadlines on reading a request and a cap on connections per
address (`worker_class` in estimator/gunicorn.conf.py).

Why: with `keepalive = 0` gunicorn's async worker reads a connection's only request with no
timeout at all (`AsyncWorker.handle` wraps `next(parser)` in `timeout_ctx()` only in its
keep-alive branch), and a request body is read by the application with none either. So an
idle socket, a request trickling its headers, or a body sent a byte at a time held a pool
slot for as long as the client liked: 5,100 idle sockets from one client filled every
worker's pool and /healthz went unanswered.

Here every connection gets:
- a deadline for its request line and headers (`HEADER_SECONDS` after it is accepted), and
  one for its body (`BODY_SECONDS` after the headers), on the total time, not per read, so
  a byte every few seconds does not keep it alive; past it the connection is closed (the
  parser sees the end of the data; a body half read makes Django's read fail, and the
  request middleware answers 408);
- a deadline for sending its answer (`SEND_SECONDS`), so a client that never reads holds
  nothing for long;
- at most `CONNECTIONS_PER_ADDRESS` open connections per client address in each worker
  (an IPv6 client by its /64); the next one is closed as soon as it is accepted. Trusted
  proxies (`forwarded_allow_ips`) are exempt: every client behind them shares their address.

Connections closed at a deadline or refused over the cap are counted, and each worker logs
the counts (a warning) every `REPORT_SECONDS` while they grow.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import time
from collections import Counter

from gunicorn.http.errors import NoMoreData
from gunicorn.workers.ggevent import GeventWorker

from estimator.clients import client_key

HEADER_SECONDS = float(os.environ.get("GUNICORN_HEADER_SECONDS", "5"))  # request line and headers, from accept
BODY_SECONDS = float(os.environ.get("GUNICORN_BODY_SECONDS", "10"))  # the body (≤ 64 KB), after the headers
SEND_SECONDS = float(os.environ.get("GUNICORN_SEND_SECONDS", "30"))  # the answer, after the request is read
CONNECTIONS_PER_ADDRESS = int(os.environ.get("GUNICORN_CONNECTIONS_PER_ADDRESS", "50"))  # per worker
REPORT_SECONDS = float(os.environ.get("GUNICORN_REPORT_SECONDS", "10"))  # how often a worker logs its counts


class DeadlinePassed(NoMoreData):
    """A request's headers or body did not arrive in time: to gunicorn's parser, the end of
    the data (the connection is closed quietly); to Django, a body it cannot read."""

    def __str__(self):
        return "the request did not arrive within its deadline"


class DeadlineSocket:
    """A client socket whose reads must all finish by `deadline` (a time.monotonic() value)
    and whose sends must finish by `send_deadline`. Everything else is the socket's own.

    A short send (≤ `HOLD` bytes: a response's status line and headers, which gunicorn sends
    on their own) is held back and goes out with the next send, in one system call and one
    segment instead of two; anything else done with the socket first (a read, a close, a
    sendfile) sends it."""

    HOLD = 8192  # bytes: more than any response's head here

    def __init__(self, sock, deadline: float):
        self._sock = sock
        self.deadline = deadline
        self.send_deadline = deadline + SEND_SECONDS
        self.expired = False
        self._held = b""

    def __getattr__(self, name):
        if self._held:
            self.flush()
        return getattr(self._sock, name)

    def _left(self, deadline: float) -> float:
        return deadline - time.monotonic()

    def recv(self, size: int, *flags) -> bytes:
        if self._held:  # e.g. "100 Continue" before a body: the client waits for it
            self.flush()
        left = self._left(self.deadline)
        if left <= 0:
            self.expired = True
            raise DeadlinePassed()
        self._sock.settimeout(left)
        try:
            return self._sock.recv(size, *flags)
        except TimeoutError:
            self.expired = True
            raise DeadlinePassed() from None
        finally:
            self._sock.settimeout(None)

    def sendall(self, data, *flags) -> None:
        if not self._held and not flags and len(data) <= self.HOLD:
            self._held = bytes(data)
            return
        if self._held:
            data, self._held = self._held + data, b""
        self._sendall(data, *flags)

    def flush(self) -> None:
        """Send what is held, if anything."""
        data, self._held = self._held, b""
        if data:
            self._sendall(data)

    def _sendall(self, data, *flags) -> None:
        self._sock.settimeout(max(0.001, self._left(self.send_deadline)))
        try:
            self._sock.sendall(data, *flags)
        except TimeoutError:
            self.expired = True
            # The client stopped reading: treated as gone (gunicorn ignores a broken pipe quietly).
            raise BrokenPipeError(errno.EPIPE, "the client did not read its answer in time") from None
        finally:
            self._sock.settimeout(None)

    def send(self, data, *flags) -> int:
        self.sendall(data, *flags)
        return len(data)

    def close(self) -> None:
        try:
            self.flush()
        except OSError:
            pass  # the client is gone: closing is all that is left
        finally:
            self._sock.close()


def _networks(entries) -> tuple | None:
    """forwarded_allow_ips as networks; None when every peer is trusted ("*")."""
    if "*" in entries:
        return None
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            pass  # a unix socket path or a name: no TCP peer matches it
    return tuple(networks)


def _within(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class DeadlineWorker(GeventWorker):
    """The gevent worker with read and send deadlines and a per-address connection cap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_by_address: Counter[str] = Counter()
        self.closed_at_deadline = 0
        self.refused_over_cap = 0
        self._reported = (0, 0)
        self._next_report = time.monotonic() + REPORT_SECONDS
        self._proxies = _networks(self.cfg.forwarded_allow_ips)
        self._peers: dict[str, bool] = {}  # address → whether it is a trusted proxy

    def _is_proxy(self, address: str) -> bool:
        known = self._peers.get(address)
        if known is None:
            known = self._peers[address] = self._proxies is None or _within(address, self._proxies)
            if len(self._peers) > 4096:  # asked for every connection: remembered, within bounds
                self._peers.clear()
        return known

    def handle(self, listener, client, addr):
        address = addr[0] if isinstance(addr, tuple) and addr else ""
        key = client_key(address)
        capped = bool(address) and not self._is_proxy(address)
        if capped and self.open_by_address[key] >= CONNECTIONS_PER_ADDRESS:
            self.refused_over_cap += 1
            client.close()
            return
        self.open_by_address[key] += 1
        sock = DeadlineSocket(client, time.monotonic() + HEADER_SECONDS)
        try:
            super().handle(listener, sock, addr)
        finally:
            self.open_by_address[key] -= 1
            if self.open_by_address[key] <= 0:
                del self.open_by_address[key]
            if sock.expired:
                self.closed_at_deadline += 1

    def handle_request(self, listener_name, req, sock, addr):
        # The headers are in: the body (if any) has its own deadline from now.
        if isinstance(sock, DeadlineSocket):
            sock.deadline = time.monotonic() + BODY_SECONDS
            sock.send_deadline = sock.deadline + SEND_SECONDS
        return super().handle_request(listener_name, req, sock, addr)

    def notify(self):
        super().notify()
        now = time.monotonic()
        if now < self._next_report:
            return
        self._next_report = now + REPORT_SECONDS
        counts = (self.closed_at_deadline, self.refused_over_cap)
        if counts != self._reported:
            self._reported = counts
            self.log.warning("worker %s: %d connections closed at a deadline, %d refused over %d per address "
                             "(since start)", self.pid, *counts, CONNECTIONS_PER_ADDRESS)
