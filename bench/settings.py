"""Settings for the benchmark: the production stack's middleware and apps
on the database named by DATABASE_URL, plus the floor views (bench/urls.py).
Throttling is lifted and the response cache is off unless a measurement
turns it on: the benchmark times the work, not the cache."""

import os

os.environ.setdefault("SECRET_KEY", "newsdesk-benchmark-only")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("API_THROTTLE_ANON", "100000000/minute")
os.environ.setdefault("API_THROTTLE_USER", "100000000/minute")
os.environ.setdefault("API_CACHE_SECONDS", "0")

from newsdesk.settings.base import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
