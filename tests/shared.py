"""Test data built once and shared by many tests."""

from __future__ import annotations

from django.db import transaction


def shared_data(django_db_blocker, build):
    """Build data once for a class or module, in a transaction rolled back
    after it; each test runs in a savepoint inside it, so none sees
    another's writes. For a fixture: ``yield from shared_data(...)``."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build()
        except BaseException as error:
            atomic.__exit__(type(error), error, error.__traceback__)
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
