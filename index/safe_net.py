"""Where newsbot's fetches may connect, and for how long (issue #25: a feed item linking to
http://127.0.0.1:<port>/admin.html had been fetched, indexed and quoted to Slack).

`GuardedBackend` is httpcore's network backend with two checks, applied to every connection and so
to the first request and every redirect hop alike:
- the host is resolved once here, each address is checked against `AddressPolicy` (loopback,
  private, link-local, multicast, reserved and unspecified addresses are refused, IPv4 and IPv6,
  IPv4-mapped included), and the socket connects to the address that was checked (no second DNS
  lookup that a rebinding name could answer differently); TLS still verifies the host's name;
- a connection lives at most `total_s` seconds, however slowly a server drips its headers or body
  (httpx's timeouts are per read: one byte a second kept a 4 KB response going for 129 s).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpcore

from index.errors import NewsbotError


class RefusedAddress(NewsbotError):
    """A fetch that would reach an internal address; the message names it and the setting."""


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses only, unless a host name, an address or a range is allowed explicitly
    (`feeds.allow_private`, env NEWSBOT_FEEDS_ALLOW_PRIVATE: "10.2.0.0/16,intranet.example")."""

    allow: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        networks, hosts = [], []
        for item in self.allow:
            item = item.strip()
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.append(item.lower().rstrip("."))
        object.__setattr__(self, "_networks", tuple(networks))
        object.__setattr__(self, "_hosts", frozenset(hosts))

    def refusal(self, host: str, address: str) -> str | None:
        """Why connecting to `address` (resolved from `host`) is refused, or None when it is allowed."""
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        kind = _internal_kind(ip)
        if kind is None or host.lower().rstrip(".") in self._hosts or any(ip in n for n in self._networks
                                                                          if n.version == ip.version):
            return None
        what = f"{ip} is a {kind} address" if host.strip("[]") == str(ip) or host == address else \
            f"{host} is {ip}, a {kind} address"
        return (f"refused: {what} (an internal service is never fetched unless feeds.allow_private or "
                "NEWSBOT_FEEDS_ALLOW_PRIVATE names it)")


def _internal_kind(ip) -> str | None:
    for kind, test in (("loopback", ip.is_loopback), ("unspecified", ip.is_unspecified),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if test:
            return kind
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        return _internal_kind(ip.sixtofour)
    return None


class _DeadlineStream(httpcore.NetworkStream):
    """A connection that raises a read/write timeout once its deadline has passed."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float, total_s: float) -> None:
        self._inner, self._deadline, self._total = inner, deadline, total_s

    def _left(self, timeout: float | None, error) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error(f"the response took longer than {self._total:g} s in all")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        inner = self._inner.start_tls(ssl_context, server_hostname, self._left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self._deadline, self._total)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    def __init__(self, policy: AddressPolicy, total_s: float, resolve=socket.getaddrinfo) -> None:
        self.policy, self.total_s, self._resolve = policy, total_s, resolve

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        deadline = time.monotonic() + self.total_s
        try:
            found = self._resolve(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"host not found (DNS): {host} ({exc})") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in found))
        refusals = [self.policy.refusal(host, a) for a in addresses]
        allowed = [a for a, why in zip(addresses, refusals) if why is None]
        if not allowed:
            raise RefusedAddress(next(why for why in refusals if why))
        last: Exception | None = None
        for address in allowed:  # the checked address itself, never the name again
            try:
                stream = super().connect_tcp(address, port, timeout, local_address, socket_options)
                return _DeadlineStream(stream, deadline, self.total_s)
            except httpcore.ConnectError as exc:
                last = exc
        raise last if last is not None else httpcore.ConnectError(f"could not connect to {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise RefusedAddress("refused: unix sockets are never fetched")
