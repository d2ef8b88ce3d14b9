"""How a delivery is signed, and how a receiver checks it.

Each request carries ``Newsdesk-Timestamp`` (Unix seconds) and
``Newsdesk-Signature: v1=<hex>``, the HMAC-SHA256, keyed by the endpoint's
secret, of ``"<timestamp>.<body>"``. Signing the timestamp with the body
lets a receiver refuse a captured request replayed later: it checks the
signature and that the timestamp is within ``tolerance`` seconds of its own
clock (``verify``). The scheme is the one Stripe and GitHub receivers know.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Newsdesk-Signature"
TIMESTAMP_HEADER = "Newsdesk-Timestamp"
EVENT_HEADER = "Newsdesk-Event"
DELIVERY_HEADER = "Newsdesk-Delivery"
SCHEME = "v1"


class SignatureError(ValueError):
    pass


def sign(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SCHEME}={digest}"


def verify(
    secret: str,
    *,
    body: bytes,
    timestamp: str,
    signature: str,
    tolerance: int = 300,
    now: float | None = None,
) -> None:
    """Raise ``SignatureError`` unless ``signature`` signs ``body`` at
    ``timestamp`` with ``secret`` and the timestamp is fresh."""
    try:
        stamp = int(timestamp)
    except (TypeError, ValueError):
        raise SignatureError("The timestamp is not a number.") from None
    if abs((time.time() if now is None else now) - stamp) > tolerance:
        raise SignatureError("The timestamp is outside the replay window.")
    expected = sign(secret, stamp, body)
    if not hmac.compare_digest(expected, signature or ""):
        raise SignatureError("The signature does not match.")
