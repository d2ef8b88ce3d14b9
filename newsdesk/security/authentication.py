"""API token authentication that makes guessing tokens slow.

DRF authenticates before it throttles, so a request with a wrong token is
refused (401) before any rate limit counts it: an attacker could try tokens as
fast as the server answers. Here every failed token attempt is counted per
client address, and past ``AUTH_FAILURE_LIMIT`` failures in
``AUTH_FAILURE_WINDOW`` seconds every token attempt from that address answers
429 with Retry-After, right or wrong, until the window ends. The count lives
in the default cache: Redis in production, shared by every app server."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework import authentication, exceptions

from .client import client_address


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # no token offered: nothing to count
        count_key, start_key = _keys(client_address(request))
        failures = cache.get(count_key, 0)
        if failures >= settings.AUTH_FAILURE_LIMIT:
            started = cache.get(start_key) or time.time()
            wait = max(1, round(started + settings.AUTH_FAILURE_WINDOW - time.time()))
            raise exceptions.Throttled(
                wait=wait,
                detail=(
                    "Too many failed token attempts from this address. "
                    f"Try again in {wait} seconds."
                ),
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            window = settings.AUTH_FAILURE_WINDOW
            if cache.add(count_key, 0, timeout=window):
                cache.set(start_key, time.time(), timeout=window)
            try:
                cache.incr(count_key)
            except ValueError:  # the window ended between add and incr
                cache.set(count_key, 1, timeout=window)
            raise


def _keys(address: str) -> tuple[str, str]:
    return f"auth-failures:{address}", f"auth-failures-since:{address}"
