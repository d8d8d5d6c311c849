"""estimator/serving.py's socket wrapper, on a fake socket (the deadlines themselves are
exercised against a real server in tests/server)."""

import time

import pytest

from estimator.serving import DeadlinePassed, DeadlineSocket


class Raw:
    """A socket that records what is done with it."""

    def __init__(self, incoming: bytes = b""):
        self.calls: list[tuple] = []
        self.incoming = incoming
        self.timeout = None

    def settimeout(self, seconds):
        self.timeout = seconds

    def sendall(self, data, *flags):
        self.calls.append(("sendall", bytes(data), self.timeout))

    def recv(self, size, *flags):
        self.calls.append(("recv", size))
        data, self.incoming = self.incoming[:size], self.incoming[size:]
        return data

    def close(self):
        self.calls.append(("close",))

    def fileno(self):
        self.calls.append(("fileno",))
        return 7


HEAD = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"


def fresh(raw: Raw) -> DeadlineSocket:
    return DeadlineSocket(raw, time.monotonic() + 5)


def test_a_response_head_goes_out_with_its_body_in_one_send_under_the_send_deadline():
    raw = Raw()
    sock = fresh(raw)

    sock.sendall(HEAD)
    held = list(raw.calls)
    sock.sendall(b"hello")

    assert held == []  # the head alone is not sent
    assert [c[:2] for c in raw.calls] == [("sendall", HEAD + b"hello")]
    assert 0 < raw.calls[0][2] <= 5 + 30  # a timeout: the send deadline (30 s after the read one), not none
    assert raw.timeout is None  # and the socket left without one


def test_a_held_head_is_sent_before_a_read_a_close_or_anything_else():
    for act, expected in ((lambda s: s.recv(10), ("recv", 10)), (lambda s: s.close(), ("close",)),
                          (lambda s: s.fileno(), ("fileno",))):
        raw = Raw(b"body")
        sock = fresh(raw)
        sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

        act(sock)

        assert raw.calls[0][:2] == ("sendall", b"HTTP/1.1 100 Continue\r\n\r\n")
        assert raw.calls[1] == expected


def test_a_long_send_is_not_held():
    raw = Raw()
    sock = fresh(raw)
    body = b"x" * (DeadlineSocket.HOLD + 1)

    sock.sendall(body)

    assert [c[:2] for c in raw.calls] == [("sendall", body)]


def test_a_close_after_the_client_went_away_still_closes():
    class Gone(Raw):
        def sendall(self, data, *flags):
            raise BrokenPipeError()

    raw = Gone()
    sock = fresh(raw)
    sock.sendall(HEAD)

    sock.close()

    assert raw.calls == [("close",)]


def test_a_read_past_its_deadline_is_the_end_of_the_data():
    raw = Raw(b"GET / HTTP/1.1\r\n")
    sock = DeadlineSocket(raw, time.monotonic() - 1)

    with pytest.raises(DeadlinePassed):
        sock.recv(100)

    assert sock.expired and raw.calls == []
