"""Which client a request comes from, as the server's limits count them (the connection cap in
estimator/serving.py, the CPU budget in estimator/web/throttle.py)."""

from __future__ import annotations

import hashlib
import ipaddress
import mmap
import struct
from functools import lru_cache


@lru_cache(maxsize=4096)  # read for every request and connection; parsing an address is a few µs
def client_key(address: str) -> str:
    """IPv4 as it is; IPv6 by its /64 (what one host is usually given, so a client cannot
    become many by changing the low bits); an IPv4-mapped IPv6 address as its IPv4."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


class Hints:
    """A small table of moments by client, in memory shared by every worker of one server: made
    when this module is first imported, which for gunicorn is in the master (it loads the worker
    class, estimator/serving.py, before forking), so every worker maps the same pages; in any
    other process (runserver, tests) it is that process's own.

    A hint only says when to ask the shared cache: a worker that charges an address writes here
    when the address's charges will be paid off, and the others read the cache before that
    address's requests until then. Nothing is refused on a hint alone, so a lost hint (two
    addresses in one slot, a read torn by a write) costs at most one request not checked
    before its work, never a wrong refusal."""

    SLOT = struct.Struct("<Qd")  # the address's hash (0: empty), the moment (time.time())

    def __init__(self, slots: int = 16_384):
        self.slots = slots
        self.table = mmap.mmap(-1, slots * self.SLOT.size)  # anonymous and shared: inherited by forked workers

    @staticmethod
    def _hash(key: str) -> int:
        return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") or 1

    def get(self, key: str) -> float:
        """The moment last set for `key`, or 0."""
        hashed = self._hash(key)
        found, moment = self.SLOT.unpack_from(self.table, (hashed % self.slots) * self.SLOT.size)
        return moment if found == hashed else 0.0

    def set(self, key: str, moment: float) -> None:
        hashed = self._hash(key)
        self.SLOT.pack_into(self.table, (hashed % self.slots) * self.SLOT.size, hashed, moment)


OWING = Hints()  # address → when its CPU charges will be paid off (estimator/web/throttle.py)
