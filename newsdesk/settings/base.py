"""Settings shared by every environment; each value that differs between
deployments is read from the environment (https://12factor.net/config).

Environment variables:
    DATABASE_URL   database, as a URL (default: SQLite file ``db.sqlite3`` here)
    SECRET_KEY     required unless DEBUG is on
    DEBUG          "true" / "false"
    ALLOWED_HOSTS  comma-separated host names
    REDIS_URL      the shared cache, e.g. redis://cache:6379/0 (default: each
                   process's memory)
    API_CACHE_SECONDS  how long anonymous API responses are kept (0: not kept)
    API_CACHE_MAX_AGE  how long clients and proxies may reuse one
    CELERY_BROKER_URL  the task queue's broker (default: REDIS_URL; without
                   either, background tasks run at once in the requesting
                   process)
    INGEST_ALLOWED_URLS  comma-separated URL prefixes ``ingest`` may fetch
    WEBHOOKS_ALLOW_PRIVATE_TARGETS  "true" lets webhooks reach loopback and
                   private addresses (never in production)

    LOGIN_FAILURE_LIMIT    failed admin logins before an account or an address
                           is locked out (default 5)
    LOGIN_COOLOFF_MINUTES  how long a lockout lasts (default 15)
    AUTH_FAILURE_LIMIT     failed API token attempts an address may make in
    AUTH_FAILURE_WINDOW    seconds (defaults 20 and 600)
    PROXY_COUNT            reverse proxies in front of the app that append to
                           X-Forwarded-For (default 0: REMOTE_ADDR is the
                           client)
"""

from datetime import timedelta
from pathlib import Path

import environ
from corsheaders.defaults import default_headers as default_cors_headers
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# A development key is offered only while DEBUG is on, so a forgotten variable
# can never put a guessable key into production.
DEVELOPMENT_SECRET_KEY = "newsdesk-development-only-not-secret"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment when DEBUG is off."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_countries",
    "axes",
    "newsdesk.security",
    "newsdesk.core",
    "entities",
    "articles",
    "newsdesk.ingest",
    "newsdesk.syndication",
    "newsdesk.webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy header on every answer, cached ones too.
    "csp.middleware.CSPMiddleware",
    # Before anything that answers by itself (the cache, 304s), so those
    # answers carry the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    # RateLimit-* headers from the throttles; outside the cache, so a cached
    # answer never keeps one client's quota (newsdesk/api/throttling.py).
    "newsdesk.api.throttling.RateLimitHeadersMiddleware",
    # Anonymous API reads from the cache; decides before sessions and
    # authentication run, from the request's headers (newsdesk/cache.py).
    "newsdesk.cache.AnonymousAPICacheMiddleware",
    # ETag on every GET and 304 for a matching If-None-Match.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A form too large for the admin to read gets a page that says so;
    # before the CSRF check reads the form (newsdesk/middleware.py).
    "newsdesk.middleware.AdminRequestLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Lets GET/HEAD/OPTIONS read from replicas despite ATOMIC_REQUESTS; a
    # no-op without DATABASE_REPLICA_URLS. Last, so its process_view sees the
    # view that will run.
    "newsdesk.middleware.ReplicaRoutingMiddleware",
    # Refuses a locked-out login before the password is even checked.
    "axes.middleware.AxesMiddleware",
]

# Anonymous API responses and DRF's throttle counts. Redis is shared by every
# app server, so a change invalidates everywhere at once; without it each
# process keeps its own.
# https://docs.djangoproject.com/en/5.2/topics/cache/#redis
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
            # A stalled Redis slows requests by a second at most; they are
            # then answered without the cache.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsdesk",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }
# Seconds an anonymous API response is served from the cache (0: never), and
# the max-age that lets clients and proxies reuse it (newsdesk/cache.py).
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=60)
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=30)

ROOT_URLCONF = "newsdesk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "newsdesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsdesk.wsgi.application"

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    ),
}
# Every request is one transaction: a failed write leaves nothing half-saved.
DATABASES["default"]["ATOMIC_REQUESTS"] = True


def _tune_postgresql(database: dict) -> None:
    """PostgreSQL's JIT compiler spends hundreds of milliseconds compiling
    queries its planner guesses are big (a search over a million quotes)
    that then run in a few: for short API queries it only costs time.

    pg_trgm's ``%>`` finds a name by its trigram index when the words asked
    for are at least ``word_similarity_threshold`` like it: set here to
    ``newsdesk.fulltext.NAME_SIMILARITY`` (tests/test_fulltext_postgresql.py
    checks the two agree), as settings cannot import that module."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        tuning = "-c jit=off -c pg_trgm.word_similarity_threshold=0.5"
        options["options"] = f"{options.get('options', '')} {tuning}".strip()


_tune_postgresql(DATABASES["default"])

# Read replicas of the same database, as comma-separated URLs. Each becomes an
# alias replica_1, replica_2, …; the router (newsdesk/db_router.py) sends
# reads there and keeps writes, reads in a transaction, and everything in
# POST/PUT/PATCH/DELETE requests on "default". In tests a replica is a mirror
# of "default", never a database of its own.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), 1):
    _alias = f"replica_{_number}"
    DATABASES[_alias] = {
        **environ.Env.db_url_config(_url),
        "TEST": {"MIRROR": "default"},
    }
    _tune_postgresql(DATABASES[_alias])
    DATABASE_REPLICAS.append(_alias)
# Installed only with replicas: without them every query goes to "default"
# and there is nothing to route.
DATABASE_ROUTERS = ["newsdesk.db_router.ReplicaRouter"] if DATABASE_REPLICAS else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS_MODULE = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS_MODULE}.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Unambiguous dates everywhere in the admin: "8 Dec 2010", 2010-12-08.
FORMAT_MODULE_PATH = ["newsdesk.formats"]

# A request body larger than this is refused (400) before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("MAX_REQUEST_BODY_BYTES", default=1_048_576)

# Front-end apps on these origins may call the API from the browser.
# https://github.com/adamchainz/django-cors-headers#configuration
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-match", "if-none-match")
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Retry-After",
    "X-Cache",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))

LOGIN_URL = "admin:login"

# The newsroom that publishes the stories: the publisher of their JSON-LD.
NEWSROOM_NAME = env.str("NEWSROOM_NAME", default="Newsdesk")

# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # DRF's token authentication, with failed attempts throttled.
        "newsdesk.security.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "newsdesk.api.throttling.AnonRateThrottle",
        "newsdesk.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="120/minute"),
        "user": env.str("API_THROTTLE_USER", default="1200/minute"),
    },
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        # DRF's, through orjson for the answers marked plain.
        "newsdesk.api.rendering.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "newsdesk.api.filters.FilterBackend",
        "newsdesk.api.ordering.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "newsdesk.api.pagination.PageNumberPagination",
    "EXCEPTION_HANDLER": "newsdesk.api.errors.exception_handler",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "newsdesk.api.schema.AutoSchema",
    # An unknown format= answers 406, not 404 (newsdesk/api/parameters.py).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "newsdesk.api.parameters.ContentNegotiation",
    "URL_FORMAT_OVERRIDE": "format",
    "DEFAULT_VERSIONING_CLASS": None,
}

# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsdesk API",
    "DESCRIPTION": (
        "Structured news: articles, the quotes in them, and the people, "
        "organisations and agreements behind them. Anonymous clients read "
        "published content only. Entity filters take slugs or Wikidata ids; a "
        "comma-separated list means any of them. An unknown or repeated "
        "parameter answers 400 (only `party` repeats, each repetition "
        "required); an empty value is as if it were not given."
    ),
    # What changed for clients, version by version: docs/api-changes.md.
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Interactive docs are served from our own static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Document each operation's error answers as well as its success.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "newsdesk.api.errors.document_error_responses",
        "articles.api.jsonld.document_jsonld",
        "newsdesk.api.schema.nullable_references",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.models.ArticleStatus",
        "QuoteKindEnum": "articles.models.QuoteKind",
        "OrganisationKindEnum": "entities.models.OrganisationKind",
        "AgreementStatusEnum": "entities.models.AgreementStatus",
        "AgreementKindEnum": "entities.models.AgreementKind",
        "PartyRoleEnum": "entities.models.PartyRole",
        "DatePrecisionEnum": "entities.models.DatePrecision",
    },
}

# Background work on Celery (newsdesk/celery.py), queued in the Redis that
# holds the shared cache. Without a broker every task runs at once in the
# process that queues it, so the demo needs no worker.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL
)
# Eager retries are run again at once only when failures are not propagated
# (Celery's Task.apply); each task records its own failures.
CELERY_TASK_EAGER_PROPAGATES = False
# A message is acknowledged once its task has finished, and given back to the
# queue if the worker dies on it: every task is idempotent, so a second run
# is harmless where a lost one would not be.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# On Redis, a message not acknowledged within this many seconds (its worker
# died) goes back to the queue for another worker; it must exceed the
# longest task and the longest retry wait (webhooks: 30 s × 2^6).
# https://docs.celeryq.dev/en/stable/getting-started/backends-and-brokers/redis.html#visibility-timeout
#
# Each worker looks for such messages every CELERY_UNACKED_RESTORE_SECONDS, at
# every look: kombu's default scans only one look in ten, so a message whose
# worker died would wait a further hundred seconds past its timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=7200),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_SECONDS", default=10),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

# Wire copy: the URL prefixes ``manage.py ingest`` and the ingest endpoint
# may fetch (a file needs none), how long to wait and how much to read.
INGEST_ALLOWED_URLS = env.list("INGEST_ALLOWED_URLS", default=[])
INGEST_TIMEOUT_SECONDS = env.int("INGEST_TIMEOUT_SECONDS", default=20)
INGEST_MAX_BYTES = env.int("INGEST_MAX_BYTES", default=10 * 1024 * 1024)

# Webhooks: delivery attempts (the first and the retries, waiting
# WEBHOOKS_RETRY_SECONDS × 2^n between them), the replay window receivers
# are told to enforce, and whether targets on loopback or private networks
# are allowed (for a newsroom's own network; off by default).
# The public address of this Newsdesk, for the links in ninjs and webhook
# payloads made outside a request.
NEWSDESK_BASE_URL = env.str("NEWSDESK_BASE_URL", default="http://localhost:8000")
WEBHOOKS_MAX_ATTEMPTS = env.int("WEBHOOKS_MAX_ATTEMPTS", default=8)
WEBHOOKS_RETRY_SECONDS = env.int("WEBHOOKS_RETRY_SECONDS", default=30)
WEBHOOKS_TIMEOUT_SECONDS = env.int("WEBHOOKS_TIMEOUT_SECONDS", default=10)
WEBHOOKS_TOLERANCE_SECONDS = 300
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env.bool(
    "WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=False
)

# Brute-force protection for the admin login (django-axes): after
# LOGIN_FAILURE_LIMIT wrong passwords an account is locked, from any address,
# and so is an address, for any account, until LOGIN_COOLOFF_MINUTES pass
# (each further attempt starts the wait again). Attempts are kept in the
# database, so every app server sees the same count.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsdesk.security.lockout.locked_out"
# The client's address, the same for login lockouts and failed API token
# attempts: REMOTE_ADDR, or with PROXY_COUNT reverse proxies in front the
# address the outermost of them saw (newsdesk/security/client.py).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "newsdesk.security.client.client_address"

# Failed API token attempts per client address: past the limit, every token
# attempt from that address answers 429 until the window ends. Counted in the
# default cache, which is shared by every app server only with REDIS_URL
# (``check --deploy`` warns without it).
AUTH_FAILURE_LIMIT = env.int("AUTH_FAILURE_LIMIT", default=20)
AUTH_FAILURE_WINDOW = env.int("AUTH_FAILURE_WINDOW", default=600)

# Content-Security-Policy (django-csp) on every answer: the admin, the API's
# browsable pages and the interactive docs load scripts from this site only,
# and nothing inline. Inline styles stay allowed: the browsable API and
# Swagger UI set style attributes, and a style cannot run code.
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The extraction assistant's optional named-entity step (spaCy's small English
# model, installed with requirements-ner.txt): people and organisations the
# rules miss. Off by default; where spaCy is not installed, extraction runs on
# the rules alone whatever this says.
EXTRACTION_NER = env.bool("EXTRACTION_NER", default=False)
