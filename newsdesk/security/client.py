"""The client's address, as every throttle and lockout counts it.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and
X-Forwarded-For is a list the client itself can start. With
``PROXY_COUNT = n`` proxies that each append the address they saw, the n-th
entry from the right is the one the outermost proxy saw: the client, whatever
it put in front. Without proxies the header is ignored altogether, so a
client cannot pick the address it is counted under."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    count = settings.PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
