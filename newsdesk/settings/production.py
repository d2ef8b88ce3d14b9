"""Production settings: DEBUG off, SECRET_KEY required (base refuses to start
without it), HTTPS everywhere, everything else from the environment.

Follows Django's deployment checklist
(https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/):
``python manage.py check --deploy`` reports nothing under these settings.

Extra environment variables:
    SECURE_SSL_REDIRECT    redirect HTTP to HTTPS (default true; turn off when
                           the proxy in front already does)
    SECURE_HSTS_SECONDS    HSTS max-age (default one year)
    CSRF_TRUSTED_ORIGINS   comma-separated https:// origins of the admin
"""

import os

os.environ.setdefault("DEBUG", "false")

from .base import *  # noqa: E402, F403

# The app runs behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])  # noqa: F405

# Hashed, compressed static files served by whitenoise from STATIC_ROOT
# (run ``manage.py collectstatic`` when deploying).
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[:1],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
