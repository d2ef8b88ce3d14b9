"""What the Schemathesis fuzz test and its regression tests share: the checks,
the deployed WSGI application run in-process, and an editor's token."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# No 5xx; every status code and content type documented; every body and
# header as the schema describes it.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@contextmanager
def wsgi_application() -> Iterator:
    """``newsdesk.wsgi.application``, run as Django's test client runs it:
    Django closes the database connection when a request ends unless told
    not to, which would end the test's transaction."""
    from newsdesk.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def editor_headers(django_user_model) -> dict[str, str]:
    """``Authorization`` with the token of an editor (Editors group, staff)."""
    user = django_user_model.objects.create_user(
        username="fuzz-editor", password="unused-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return {"Authorization": f"Token {Token.objects.create(user=user).key}"}
