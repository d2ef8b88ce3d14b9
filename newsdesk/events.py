"""Editorial events (``article.published``, ``quote.created``, …) and who
listens to them.

The services that make a change call ``emit()`` explicitly; nothing is fired
from model signals, so a reader of ``articles/services.py`` sees every event
where it happens. Handlers run once the transaction commits: a change that
is rolled back announces nothing, and a listener that reads the database
sees the committed rows.

It lives at the bottom of the project package, beside ``newsdesk.fulltext``,
because ``articles`` must be able to import it while the apps that listen
(webhooks, …) sit above ``articles`` and subscribe from their
``AppConfig.ready()``; a registry of handlers keeps that arrow pointing one
way. Events, with the payload each carries:

========================  ===============================================
``article.published``     ``article``: it became published (now or at a
                          scheduled time)
``article.updated``       ``article``: a published article was saved
``article.unpublished``   ``article``: it went back to draft or archived
``quote.created``         ``quote``: a quote was added
========================  ===============================================
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)

EVENTS = (
    "article.published",
    "article.updated",
    "article.unpublished",
    "quote.created",
)

Handler = Callable[..., None]

_handlers: dict[str, list[Handler]] = defaultdict(list)


def subscribe(name: str, handler: Handler) -> None:
    """Call ``handler(name, **payload)`` after each commit that emitted
    ``name``. Subscribing the same handler twice has no further effect."""
    if name not in EVENTS:
        raise ValueError(f"Unknown event {name!r}; known: {', '.join(EVENTS)}.")
    if handler not in _handlers[name]:
        _handlers[name].append(handler)


def unsubscribe(name: str, handler: Handler) -> None:
    if handler in _handlers.get(name, []):
        _handlers[name].remove(handler)


def emit(name: str, **payload) -> None:
    """Announce ``name`` to its handlers once the current transaction
    commits (at once outside one). A handler that fails is logged and the
    others still run: the change itself is already committed."""
    if name not in EVENTS:
        raise ValueError(f"Unknown event {name!r}; known: {', '.join(EVENTS)}.")
    for handler in list(_handlers.get(name, [])):
        transaction.on_commit(partial(handler, name, **payload), robust=True)
