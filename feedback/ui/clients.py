"""Which client a request comes from, for the guards that slow one client down (sign-in
attempts, new sessions); the address is held in memory only, never stored."""

from __future__ import annotations

import ipaddress

LOOPBACK = (None, "127.0.0.1", "::1")


def address(direct: str | None, forwarded: str | None) -> str:
    """The address the browser connects from. Behind the reference proxy (deploy/nginx.conf)
    the app sees the proxy on loopback and the proxy's last `X-Forwarded-For` entry is the
    client; a direct connection's own address is trusted only when it is not loopback."""
    if forwarded and direct in LOOPBACK:
        return forwarded.split(",")[-1].strip()
    return direct or "loopback"


def is_local(direct: str | None, forwarded: str | None) -> bool:
    """A connection from this machine that no proxy forwarded: the operator, a health check."""
    return direct in LOOPBACK and not forwarded


def network(client: str) -> str:
    """The unit one person controls: an IPv4 address, or an IPv6 /64 (one household or phone
    gets a whole /64, so counting single IPv6 addresses would count nothing)."""
    try:
        parsed = ipaddress.ip_address(client)
    except ValueError:
        return client
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
