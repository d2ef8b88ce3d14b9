"""HTTP caching of the API, and the server-side cache of anonymous reads.

Every response under ``/api/`` says who may keep it: an anonymous read is
``public`` for ``API_CACHE_MAX_AGE`` seconds; a read that depends on who asks
(a token or a logged-in editor, who also see drafts) is ``private, no-cache``;
writes and errors are ``no-store``. ``Vary: Accept, Authorization, Cookie``
keeps the representations and the audiences apart in any cache on the way.

``AnonymousAPICacheMiddleware`` keeps the anonymous GET responses in the
``default`` cache (Redis with ``REDIS_URL``, shared by every app server; else
each process's memory) for at most ``API_CACHE_SECONDS``, and answers an
``If-None-Match`` with the cached ETag by a 304 without running the view.

Invalidation: every entry records the *content generation* current when
its request began (a random token kept in the cache), and is served only
while that is still the current one. The generation is replaced by
``content_changed()`` whenever an editorial record (an article, quote,
mention, person, organisation, agreement, …) is saved, deleted or
relinked; it is replaced at once, for readers in the same
transaction, and again after the commit, so that what a reader cached from
the old rows while the write was uncommitted is never served. A random token
rather than a counter: should the cache lose the key, a new token cannot
coincide with an old one. Scheduled stories become public without any
write, so an entry is not served once a story scheduled after it was stored
has been published (the apps say when that is: ``schedule_register``).

Why invalidation, alone of all write side effects, stays on signals
(``connect_signals``): it must follow every write to an editorial table,
whoever makes it — the services, the admin's inline forms, a history
revert, a shell — since one it missed would serve stale content for up to
``API_CACHE_SECONDS``; and it changes no data, so a reader of a service
misses nothing of what the write does to the database. Everything else a
write entails is called by the services themselves.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import math
import secrets
import time
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse
from django.http.request import HttpHeaders
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle
from simple_history.models import HistoricalChanges

from newsdesk.api import throttling

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
CACHE_ALIAS = "default"
GENERATION_KEY = "api-cache:generation"
#: (generation, since, when the first story scheduled after ``since`` goes
#: public): see ``_publication_after``.
PUBLICATION_KEY = "api-cache:next-publication"
VARY = ("Accept", "Authorization", "Cookie")
#: The apps whose records the API shows.
EDITORIAL_APPS = ("articles", "entities")
#: With read replicas, how long after a change a replica may still show the
#: old rows: responses read in that time are not kept.
REPLICA_LAG_SECONDS = 5
#: Headers of a response recomputed for every answer, never stored.
UNSTORED_HEADERS = frozenset({"cache-control", "x-cache", "set-cookie"})


# --------------------------------------------------------------------------
# Invalidation


def content_changed(*, using: str | None = None) -> None:
    """Something a public response may show has been written: no response
    cached before it is served again. Signals call this for every save and
    delete of an editorial record; bulk writes (``bulk_create``, ``update()``,
    ``COPY``) send no signals, so their callers call it themselves."""
    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    _new_generation()
    if not connection.in_atomic_block:
        return
    pending = any(entry[1] is _new_generation for entry in connection.run_on_commit)
    if not pending:
        transaction.on_commit(_new_generation, using=using, robust=True)


def _new_generation() -> None:
    try:
        caches[CACHE_ALIAS].set(GENERATION_KEY, _generation_value(), timeout=None)
    except Exception:
        # A write must not fail because the cache is down; entries left
        # behind expire within API_CACHE_SECONDS.
        logger.exception("Could not invalidate the API cache.")


def _generation_value() -> tuple[str, float]:
    return (secrets.token_hex(8), time.time())


def _on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    content_changed(using=using)


def _on_relink(sender, action, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action.startswith("post_"):
        content_changed(using=using)


def _on_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    # A data migration writes without signals.
    content_changed(using=using)


def connect_signals() -> None:
    """Invalidate on every write to an editorial model (history records
    excepted: they only accompany one). Called from ``ArticlesConfig.ready``,
    so management commands invalidate too."""
    from django.apps import apps

    for label in EDITORIAL_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if issubclass(model, HistoricalChanges):
                continue
            uid = f"newsdesk.cache:{model._meta.label}"
            m2m_changed.connect(_on_relink, sender=model, dispatch_uid=uid)
            if model._meta.auto_created:
                # A bare many-to-many table (the bylines): its rows change
                # through m2m_changed, or go with their article. A delete
                # receiver would cost Django's fast delete of them a query.
                continue
            post_save.connect(_on_write, sender=model, dispatch_uid=uid)
            post_delete.connect(_on_write, sender=model, dispatch_uid=uid)
    post_migrate.connect(
        _on_migrate,
        sender=apps.get_app_config("articles"),
        dispatch_uid="newsdesk.cache:migrate",
    )


# --------------------------------------------------------------------------
# The middleware


@dataclass
class Entry:
    """What a cached response needs for a 304; the body is stored apart
    (under the same key plus ``:body``) so that a 304 never loads it."""

    etag: str
    #: The content generation read before the view ran: the entry is
    #: served while it is still the current one.
    generation: str
    last_modified: int | None
    status: int
    headers: list[tuple[str, str]]
    #: When the request that stored it started (time.time()): its view read
    #: the rows after that.
    started: float
    expires: float


class AnonymousAPICacheMiddleware:
    """Serves anonymous GET requests under /api/ from the cache, keyed by
    URL (scheme, host, path and query: responses carry absolute links;
    ``?format=`` is in the query) and ``Accept``, each entry valid for the
    content generation it was made in; gives every
    API response its Cache-Control, and ``X-Cache: hit|miss`` when the cache
    was asked.

    Placed after CorsMiddleware (which adds its headers to cached answers
    too) and before ConditionalGetMiddleware (whose ETag is stored with the
    response), sessions and authentication: a request is anonymous when it
    carries neither a session cookie nor an ``Authorization`` header, and a
    response is kept only if the view saw an anonymous user as well.

    A hit runs neither DRF nor a view nor a query, and costs two round
    trips to the cache: one read of everything it needs, one write of the
    throttle histories. A miss adds no query to the view's. Whether a
    story scheduled after an entry was stored has become public since is
    checked when the entry is about to be served, with one query per
    generation (and per scheduled story that goes public)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if settings.API_CACHE_SECONDS > 0 and _anonymous_read(request):
            started = time.time()
            variant = _variant(request)
            try:
                cache = caches[CACHE_ALIAS]
                key = _entry_key(variant)
                response, generation, changed_at = _cached_response(
                    cache, key, request, started
                )
            except Exception:
                logger.exception("The API cache could not be read.")
            else:
                if response is not None:
                    response["X-Cache"] = "hit"
                    return response
                return self._miss(request, cache, key, generation, changed_at, started)
        response = self.get_response(request)
        _set_cache_control(request, response, settings.API_CACHE_MAX_AGE)
        return response

    def _miss(self, request, cache, key, generation, changed_at, started):
        # The view answers in full so that the response can be stored; the
        # client's own condition is applied afterwards.
        conditions = {
            name: request.META.pop(name)
            for name in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
            if name in request.META
        }
        try:
            response = self.get_response(request)
        finally:
            request.META.update(conditions)
        if _storable(request, response) and not _replicas_may_lag(changed_at):
            try:
                _store(cache, key, generation, response, started)
            except Exception:
                logger.exception("The API cache could not be written.")
        _set_cache_control(request, response, settings.API_CACHE_MAX_AGE)
        if response.status_code == 200 and response.has_header("ETag"):
            response = get_conditional_response(
                request,
                etag=response["ETag"],
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        response["X-Cache"] = "miss"
        return response


def _anonymous_read(request: HttpRequest) -> bool:
    meta = request.META
    return (
        request.method == "GET"
        and "HTTP_AUTHORIZATION" not in meta
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Preconditions and ranges are left to the view.
        and "HTTP_IF_MATCH" not in meta
        and "HTTP_IF_UNMODIFIED_SINCE" not in meta
        and "HTTP_RANGE" not in meta
    )


def _generation(cache) -> tuple[str, float]:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = _generation_value()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    return value


def _variant(request: HttpRequest) -> str:
    return f"{request.build_absolute_uri()}\n{request.META.get('HTTP_ACCEPT', '')}"


def _entry_key(variant: str) -> str:
    digest = hashlib.sha256(variant.encode()).hexdigest()[:32]
    return f"api-cache:entry:{digest}"


def _cached_response(
    cache, key: str, request: HttpRequest, now: float
) -> tuple[HttpResponse | None, str, float]:
    """The cached answer to ``request`` (None: the view must answer), with
    the content generation and when it changed. Everything a hit needs —
    the generation, the entry, its body, the next publication and the
    throttle histories — comes in one round trip to the cache; a hit then
    costs one more, to count the request against the rates."""
    body_key = f"{key}:body"
    conditional = (
        "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META
    )
    rates = _rates(request)
    if rates is None:
        return (None, *_generation(cache))
    found = cache.get_many(
        [
            GENERATION_KEY,
            key,
            PUBLICATION_KEY,
            *([] if conditional else [body_key]),
            *rates,
        ]
    )
    current = found.get(GENERATION_KEY) or _generation(cache)
    generation, changed_at = current
    miss = (None, generation, changed_at)
    entry = found.get(key)
    # An entry stored under another generation shows what has changed since.
    if entry is None or getattr(entry, "generation", None) != generation:
        return miss
    publication = _publication_after(
        cache, generation, found.get(PUBLICATION_KEY), entry.started
    )
    if publication is not None and publication <= now:
        # A story scheduled after the entry was stored is public now.
        return miss
    remaining = min(entry.expires, publication or entry.expires) - now
    max_age = max(0, min(settings.API_CACHE_MAX_AGE, math.floor(remaining)))
    if conditional:
        not_modified = get_conditional_response(
            request, etag=entry.etag, last_modified=entry.last_modified
        )
        if not_modified is not None:
            if not _count_request(cache, rates, found, request):
                return miss
            for name, value in entry.headers:
                if name.lower() in ("etag", "last-modified", "vary"):
                    not_modified[name] = value
            _set_cache_control(request, not_modified, max_age)
            return not_modified, generation, changed_at
        body = cache.get(body_key)
    else:
        body = found.get(body_key)
    # Two misses may store the same key at once: the body must be the one
    # the entry describes.
    if body is None or body[0] != entry.etag:
        return miss
    if not _count_request(cache, rates, found, request):
        return miss
    response = HttpResponse(body[1], status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    _set_cache_control(request, response, max_age)
    return response, generation, changed_at


def _publication_after(cache, generation: str, known, since: float) -> float | None:
    """When the first story scheduled after ``since`` becomes public (None:
    none is scheduled). ``known`` is an earlier answer, (generation, since,
    publication): within its generation it holds for a later ``since`` too,
    as long as that is before the publication it found. A write that
    schedules a story replaces the generation, and with it this answer."""
    if known is not None:
        known_generation, known_since, publication = known
        if (
            known_generation == generation
            and known_since <= since
            and (publication is None or publication > since)
        ):
            return publication
    moment = datetime.datetime.fromtimestamp(since, tz=datetime.UTC)
    found = [time for schedule in _schedules if (time := schedule(moment))]
    publication = min(found).timestamp() if found else None
    cache.set(PUBLICATION_KEY, (generation, since, publication), timeout=24 * 60 * 60)
    return publication


#: Callables answering when the next content scheduled after a moment goes
#: public (None: nothing is scheduled). The apps register them
#: (``ArticlesConfig.ready``): the cache knows no app's models.
_schedules: list = []


def schedule_register(next_publication) -> None:
    """Have the cache ask ``next_publication(moment)`` when the first story
    scheduled after ``moment`` becomes public."""
    if next_publication not in _schedules:
        _schedules.append(next_publication)


def _rates(request: HttpRequest) -> dict[str, SimpleRateThrottle] | None:
    """DRF's throttles for this anonymous request, by the cache key of their
    history; None if one of them is not a plain rate (the view must run)."""
    probe = SimpleNamespace(
        user=AnonymousUser(), META=request.META, headers=HttpHeaders(request.META)
    )
    rates = {}
    for throttle_class in api_settings.DEFAULT_THROTTLE_CLASSES:
        throttle = throttle_class()
        if not isinstance(throttle, SimpleRateThrottle):
            return None
        if throttle.rate is None:
            continue
        rate_key = throttle.get_cache_key(probe, None)
        if rate_key is not None:
            rates[rate_key] = throttle
    return rates


def _count_request(
    cache, rates: dict[str, SimpleRateThrottle], found, request: HttpRequest
) -> bool:
    """A cached answer counts against the anonymous rates like any other:
    ``SimpleRateThrottle.allow_request`` on the histories already read with
    the entry, and reports the quota left (``RateLimit-*`` headers). When a
    rate is used up nothing is counted, and the view answers (429) instead."""
    histories: dict[int, dict[str, list[float]]] = {}
    quotas = []
    for rate_key, throttle in rates.items():
        now = throttle.timer()
        history = [at for at in found.get(rate_key, []) if at > now - throttle.duration]
        if len(history) >= throttle.num_requests:
            return False
        history = [now, *history]
        histories.setdefault(throttle.duration, {})[rate_key] = history
        quotas.append(
            throttling.quota(
                num_requests=throttle.num_requests,
                duration=throttle.duration,
                history=history,
                now=now,
            )
        )
    for duration, values in histories.items():
        cache.set_many(values, duration)
    for found_quota in quotas:
        throttling.record(request, found_quota)
    return True


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    vary = {
        value.strip().lower()
        for value in response.get("Vary", "").split(",")
        if value.strip()
    }
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.has_header("ETag")
        # The view decided for itself.
        and not response.has_header("Cache-Control")
        # The browsable API's pages carry the client's CSRF token.
        and not response.get("Content-Type", "").startswith("text/html")
        and vary <= {"accept", "authorization", "cookie"}
        and not (user is not None and user.is_authenticated)
    )


def _replicas_may_lag(changed_at: float) -> bool:
    return bool(settings.DATABASE_REPLICAS) and (
        time.time() - changed_at < REPLICA_LAG_SECONDS
    )


def _store(
    cache, key: str, generation: str, response: HttpResponse, started: float
) -> None:
    timeout = settings.API_CACHE_SECONDS
    patch_vary_headers(response, VARY)
    entry = Entry(
        etag=response["ETag"],
        generation=generation,
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        status=response.status_code,
        headers=[
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ],
        started=started,
        expires=time.time() + timeout,
    )
    cache.set_many({key: entry, f"{key}:body": (entry.etag, response.content)}, timeout)


def _set_cache_control(request, response, max_age: int) -> None:
    """Who may keep ``response``: anyone for a while (anonymous reads), the
    client alone after asking again (reads that depend on the user), no one
    (writes and errors). A Cache-Control the view set itself stays."""
    if response.has_header("Cache-Control"):
        return
    if request.method not in ("GET", "HEAD") or response.status_code not in (
        200,
        304,
    ):
        response["Cache-Control"] = "no-store"
        return
    patch_vary_headers(response, VARY)
    user = getattr(request, "user", None)
    if "HTTP_AUTHORIZATION" in request.META or (
        user is not None and user.is_authenticated
    ):
        response["Cache-Control"] = "private, no-cache"
    else:
        response["Cache-Control"] = f"public, max-age={max(0, max_age)}"
