"""One error shape for every 4xx answer of the API.

An error body is a JSON object whose keys name what was wrong — a field, a
query parameter, or ``detail`` for the request as a whole — and whose values
are lists of messages::

    {"speaker": ["No person with the slug or Wikidata id nobody."]}
    {"detail": ["Authentication credentials were not provided."]}

Nested fields are named by their path: ``parties.1.organisation``.
"""

from __future__ import annotations

import re

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    RequestDataTooBig,
)
from django.core.exceptions import (
    ValidationError as DjangoValidationError,
)
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from newsdesk.core.services import EditConflict

DETAIL = "detail"

# A client can send an unpaired surrogate escaped in JSON ("\\ud800"); echoed
# in an error (an unknown field's name, an invalid choice) it would make the
# response impossible to encode.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value) -> str:
    return LONE_SURROGATE.sub("\ufffd", str(value))


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
            name = (
                DETAIL if key in (NON_FIELD_ERRORS, "non_field_errors") else _text(key)
            )
            if prefix and name == DETAIL:
                name = ""
            path = ".".join(part for part in (prefix, name) if part) or DETAIL
            flat.update(_flatten(value, path))
    elif isinstance(data, list):
        if all(isinstance(item, str) for item in data):
            flat.setdefault(prefix or DETAIL, []).extend(_text(item) for item in data)
        else:
            for index, item in enumerate(data):
                if item:
                    flat.update(
                        _flatten(item, f"{prefix}.{index}" if prefix else str(index))
                    )
    elif data is not None:
        flat.setdefault(prefix or DETAIL, []).append(_text(data))
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
    elif isinstance(exc, IntegrityError):
        # The services re-check a refused write as a field error
        # (validated_save); a constraint they do not cover still answers
        # in the API's shape rather than as a server error.
        exc = Conflict(
            "This change conflicts with another saved at the same moment; "
            "nothing was saved. Reload and try again."
        )
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


def not_found(request, exception=None):
    """``handler404``: a URL under ``/api/`` that names nothing (a slug with a
    dot, an id that is not a number) answers a 404 in the one error shape,
    as the API's own 404s do, not Django's HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({DETAIL: ["Not found."]}, status=404)
    return defaults.page_not_found(request, exception)


# The schema documents the error answers too (drf-spectacular documents only
# the success of each operation), each with the one error shape, so a client
# knows what a 400 or a 412 carries and a contract test accepts them.
ERROR_COMPONENT = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "description": "What was wrong: a field (nested ones by their path, as "
    "`parties.1.organisation`), a query parameter, or `detail` for the request "
    "as a whole, each with its messages.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"detail": ["Authentication credentials were not provided."]},
}
ERROR_DESCRIPTIONS = {
    "400": "The request is malformed: each wrong field or query parameter is "
    "named with its messages.",
    "401": "No valid credentials: a token or session is missing or invalid.",
    "403": "The credentials do not allow this.",
    "404": "No such record or page.",
    "406": "No representation matches the Accept header or `format`.",
    "409": "It conflicts with the current state (other records refer to it).",
    "412": "The record has changed since it was fetched: `If-Match` no longer "
    "matches its ETag.",
    "413": "The request body is too large.",
    "415": "The request body's content type is not accepted.",
    "429": "Too many requests: retry after the `Retry-After` seconds.",
}


def _error_statuses(method: str, path: str) -> list[str]:
    statuses = ["400", "401", "403", "404", "406", "429"]
    if method in ("post", "put", "patch"):
        statuses += ["413", "415"]
    if method in ("put", "patch", "delete") or path.endswith("/merge/"):
        statuses.append("412")
    if method == "delete" or path.endswith("/merge/"):
        statuses.append("409")
    return sorted(statuses)


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation's error answers,
    with the one error shape."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = (
        ERROR_SCHEMA
    )
    reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            # An error is rendered like a success would have been (a JSON-LD
            # request's 404 is JSON-LD): the same media types.
            media_types = [
                media_type
                for status_code, response in responses.items()
                if status_code.startswith("2")
                for media_type in response.get("content", {})
            ] or ["application/json"]
            for status_code in _error_statuses(method, path):
                responses.setdefault(
                    status_code,
                    {
                        "description": ERROR_DESCRIPTIONS[status_code],
                        "content": {
                            media_type: {"schema": reference}
                            for media_type in dict.fromkeys(media_types)
                        },
                    },
                )
    return result
