"""Read replicas: reads go to a replica, writes and reads that must see them
to the primary ("default").

``DATABASE_REPLICA_URLS`` (see settings/base.py) adds the aliases
``replica_1``, ``replica_2``, … and lists them in ``settings.DATABASE_REPLICAS``;
this router is installed only then. All aliases are one database, so relations
across them are allowed and only "default" is migrated.

The rule for a read (``db_for_read``), first match wins:

1. No replicas configured, or the model belongs to sessions, auth or
   authtoken (a replica lagging behind a log-in must not log anyone out): the
   primary.
2. Something was written in this request: the primary (read-your-writes).
3. Inside a request with an unsafe method (POST, PUT, PATCH, DELETE): the
   primary; such requests write, and ATOMIC_REQUESTS runs them in one
   transaction on it.
4. The primary's connection is inside a transaction opened by the code, i.e.
   ``transaction.atomic()``: the primary. In a GET, HEAD or OPTIONS request
   the one transaction ATOMIC_REQUESTS wraps the view in does not count
   (``ReplicaRoutingMiddleware`` records it), since those methods are
   read-only; an explicit ``atomic()`` inside such a view still does.
5. Otherwise: a replica, chosen at random.

Outside a request (management commands, the shell) there is no request
state: only rules 1, 4 and 5 apply, so a script that must read what it just
wrote does so inside ``transaction.atomic()``.
"""

from __future__ import annotations

import random
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

#: Apps whose rows are read on the primary even when replicas exist.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "authtoken"})

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class RequestState:
    safe: bool
    #: Atomic blocks on the primary that do not make reads go to it.
    allowed_depth: int
    wrote: bool = False


_request: ContextVar[RequestState | None] = ContextVar(
    "newsdesk_db_request", default=None
)


def atomic_depth() -> int:
    """How many ``atomic()`` blocks the primary's connection is inside."""
    connection = connections[DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        return 0
    return max(len(connection.atomic_blocks), 1)


def begin_request(method: str):
    """Start the routing state of one request; returns the token for
    ``end_request``."""
    state = RequestState(safe=method in SAFE_METHODS, allowed_depth=atomic_depth())
    return _request.set(state)


def end_request(token) -> None:
    _request.reset(token)


def view_runs_in_request_transaction(view_func) -> None:
    """Called before the view: if ATOMIC_REQUESTS will wrap it in a
    transaction on the primary, that one does not pin reads of a safe
    request to the primary."""
    state = _request.get()
    if state is None or not state.safe:
        return
    atomic = connections.settings[DEFAULT_DB_ALIAS].get("ATOMIC_REQUESTS")
    exempt = DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set())
    if atomic and not exempt:
        state.allowed_depth += 1


def replicas() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        aliases = replicas()
        if not aliases or model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        state = _request.get()
        if state is not None and (state.wrote or not state.safe):
            return DEFAULT_DB_ALIAS
        allowed = state.allowed_depth if state is not None else 0
        if atomic_depth() > allowed:
            return DEFAULT_DB_ALIAS
        # Spreading load, not security: any random source will do.
        return random.choice(aliases)  # noqa: S311

    def db_for_write(self, model, **hints):
        state = _request.get()
        if state is not None:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias is the same database.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
