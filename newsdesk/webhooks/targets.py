"""Which URLs a webhook may be delivered to.

A webhook makes the server send requests where an editor says; without a
check, an endpoint on 127.0.0.1 or 10.x would reach services that trust the
server's own network. A target's host is resolved and every address it has
must be public, unless ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` is on (a newsroom
delivering inside its own network; the test suite's receivers). The check
runs when an endpoint is saved and again before each delivery, since a name
can be pointed elsewhere in between.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.parse

from django.conf import settings
from django.core.exceptions import ValidationError


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise ValidationError(
            f"The host {host} could not be resolved ({error})."
        ) from None
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def validate_target(url: str) -> None:
    """Refuse ``url`` unless it is http(s) to a host whose every address is
    public (or private targets are allowed)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("Give an http:// or https:// URL with a host name.")
    if parts.username or parts.password:
        raise ValidationError(
            "Put no credentials in the URL; receivers check the signature."
        )
    if settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
        return
    for address in _addresses(parts.hostname):
        if not address.is_global or address.is_multicast:
            raise ValidationError(
                f"{parts.hostname} is {address}, a loopback, private or reserved "
                "address: webhooks go to public addresses only "
                "(WEBHOOKS_ALLOW_PRIVATE_TARGETS allows others)."
            )
