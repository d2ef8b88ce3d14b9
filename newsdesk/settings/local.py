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
