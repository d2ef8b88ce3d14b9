"""One error shape for every 4xx answer of the API.

An error body is a JSON object whose keys name what was wrong — a field, a
query parameter, or ``detail`` for the request as a whole — and whose values
are lists of messages::

    {"speaker": ["No person with the slug or Wikidata id nobody."]}
    {"detail": ["Authentication credentials were not provided."]}

Nested fields are named by their path: ``parties.1.organisation``.
"""

from __future__ import annotations

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    RequestDataTooBig,
)
from django.core.exceptions import (
    ValidationError as DjangoValidationError,
)
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from entities.services import EditConflict

DETAIL = "detail"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since you fetched it."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


def _flatten(data, prefix: str = "") -> dict[str, list[str]]:
    """Name nested errors by their path:
    ``{"parties": [{}, {"organisation": ["…"]}]}`` becomes
    ``{"parties.1.organisation": ["…"]}``."""
    flat: dict[str, list[str]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            name = DETAIL if key in (NON_FIELD_ERRORS, "non_field_errors") else str(key)
            if prefix and name == DETAIL:
                name = ""
            path = ".".join(part for part in (prefix, name) if part) or DETAIL
            flat.update(_flatten(value, path))
    elif isinstance(data, list):
        if all(isinstance(item, str) for item in data):
            flat.setdefault(prefix or DETAIL, []).extend(str(item) for item in data)
        else:
            for index, item in enumerate(data):
                if item:
                    flat.update(
                        _flatten(item, f"{prefix}.{index}" if prefix else str(index))
                    )
    elif data is not None:
        flat.setdefault(prefix or DETAIL, []).append(str(data))
    return flat


def _protected_message(error: ProtectedError | RestrictedError) -> str:
    objects = list(
        error.protected_objects
        if isinstance(error, ProtectedError)
        else error.restricted_objects
    )
    kinds = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
    return (
        f"Cannot delete: {len(objects)} other record(s) refer to it "
        f"({', '.join(kinds)}). Reassign or merge them first."
    )


def exception_handler(exc, context):
    """DRF's handler, with model validation, conflicts and oversize bodies
    turned into API errors, and every error body in the one shape."""
    if isinstance(exc, EditConflict):
        exc = PreconditionFailed(exc.messages[0])
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(_protected_message(exc))
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    set_rollback()
    response.data = _flatten(response.data)
    return response


def error_response(status_code: int, field: str, message: str) -> Response:
    return Response({field: [message]}, status=status_code)
