"""Which client a request comes from, as the server's limits count them (the connection cap in
estimator/serving.py, the CPU budget in estimator/web/throttle.py)."""

from __future__ import annotations

import ipaddress


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
