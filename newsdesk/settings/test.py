"""Settings for the test suite: SQLite by default, PostgreSQL when
DATABASE_URL points at it (CI runs both)."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "newsdesk-test-only")

from .base import *  # noqa: E402, F403

# The development tools (manage.py generate_corpus); production does not
# install them.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Fast hashing: the suite creates many users and the hash strength is not
# what it tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The suite makes thousands of requests a minute; throttling has its own tests.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}

# Each test process has its own cache, whatever REDIS_URL says: the suite
# empties it around every test (tests/conftest.py). Tests of Redis point
# CACHES at it themselves.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsdesk-tests",
    }
}

# A replica alias that mirrors "default" (no database of its own) and the
# router, installed for every test; DATABASE_REPLICAS stays empty so reads go
# to "default" everywhere except in tests/test_replicas.py, which turns it on.
# (A mirror is a second connection: inside a test's transaction it cannot see
# the test's uncommitted rows, so the rest of the suite must not read there.)
DATABASES["replica_1"] = {  # noqa: F405
    **DATABASES["default"],  # noqa: F405
    "ATOMIC_REQUESTS": False,
    "TEST": {"MIRROR": "default"},
}
DATABASE_ROUTERS = ["newsdesk.db_router.ReplicaRouter"]
DATABASE_REPLICAS = []

# Background tasks run at once, in the test's own process and transaction;
# the one test of a real worker (tests/test_worker.py) gives it a broker.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True

# Webhook receivers in the suite are live servers on 127.0.0.1; retries do
# not wait.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
WEBHOOKS_RETRY_SECONDS = 0
WEBHOOKS_TIMEOUT_SECONDS = 5
