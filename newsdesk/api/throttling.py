"""DRF's throttles, telling clients where they stand.

Every throttled answer carries the IETF draft's headers
(draft-ietf-httpapi-ratelimit-headers): ``RateLimit-Limit`` (requests allowed
per window), ``RateLimit-Remaining`` (left in it), ``RateLimit-Reset``
(seconds until a used request is given back) and ``RateLimit-Policy``
(``120;w=60``). A 429 also keeps DRF's ``Retry-After``. DRF's throttles keep
a sliding window of request times; these subclasses only read it.

An answer the server cache gives (``newsdesk/cache.py``) is counted against
the same rates without reaching a view, and reports its quota the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rest_framework import throttling

REQUEST_ATTRIBUTE = "newsdesk_rate_limit"


@dataclass(frozen=True)
class Quota:
    limit: int
    remaining: int
    reset: int
    window: int

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
            "RateLimit-Policy": f"{self.limit};w={self.window}",
        }


def quota(*, num_requests: int, duration: float, history: list, now: float) -> Quota:
    """Where a client stands, from a throttle's window (``history``, newest
    first, this request included when it was allowed)."""
    oldest = history[-1] if history else now
    return Quota(
        limit=num_requests,
        remaining=max(0, num_requests - len(history)),
        reset=max(0, math.ceil(duration - (now - oldest))),
        window=int(duration),
    )


def record(django_request, found: Quota) -> None:
    """Keep the tightest quota of the throttles that applied to a request."""
    current = getattr(django_request, REQUEST_ATTRIBUTE, None)
    if current is None or found.remaining < current.remaining:
        setattr(django_request, REQUEST_ATTRIBUTE, found)


class QuotaMixin:
    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is None or getattr(self, "key", None) is None:
            return allowed
        record(
            request._request,
            quota(
                num_requests=self.num_requests,
                duration=self.duration,
                history=self.history,
                now=self.now,
            ),
        )
        return allowed


class AnonRateThrottle(QuotaMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(QuotaMixin, throttling.UserRateThrottle):
    pass


class RateLimitHeadersMiddleware:
    """Adds the quota a throttle recorded to the answer. Outside the API
    cache middleware, so a cached answer never stores one client's quota."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        quota = getattr(request, REQUEST_ATTRIBUTE, None)
        if quota is not None:
            for name, value in quota.headers().items():
                response[name] = value
        return response
