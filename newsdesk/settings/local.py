"""Settings for a developer's machine and the demo: DEBUG on unless the
environment says otherwise, SQLite unless DATABASE_URL is set."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402, F403

# The development tools (manage.py generate_corpus); production does not
# install them.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

ALLOWED_HOSTS = env.list(  # noqa: F405
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"]
)

# The demo answers a front end under development on this machine, on any port
# of localhost (http://localhost:3000, Vite's :5173, …); production allows
# only the origins listed in CORS_ALLOWED_ORIGINS.
# https://github.com/adamchainz/django-cors-headers#cors_allowed_origin_regexes-sequencestr--patternstr
if not CORS_ALLOWED_ORIGINS:  # noqa: F405
    CORS_ALLOWED_ORIGIN_REGEXES = [
        r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$",
    ]
