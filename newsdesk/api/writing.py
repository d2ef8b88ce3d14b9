"""How the API writes: write serializers translate JSON into the arguments of
the same services the admin calls (so validation exists once), and a viewset
mixin answers with the read representation, its ETag, and 412 for a stale
``If-Match``.

Conditional requests: every detail response carries an ``ETag`` computed
from its representation (lists get one from ``ConditionalGetMiddleware``),
which also answers ``If-None-Match`` with 304. A write carrying ``If-Match``
is refused with 412 unless the tag is the current one; the save itself is a
compare-and-set on the record's version, so a write racing another still
cannot overwrite it silently.
"""

from __future__ import annotations

import hashlib
import json

from django.core.validators import slug_re
from django.db import models
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import parsers, serializers, status
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.response import Response
from rest_framework.utils import encoders

from newsdesk.core.dates import EARLIEST, LATEST, date_in_range

from .errors import PreconditionFailed

RANGE_HELP = f"Between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}."


def _as_json(value):
    """``value`` as JSON would carry it, for comparing what a client sent
    with what the API answers."""
    return json.loads(json.dumps(value, cls=encoders.JSONEncoder, sort_keys=True))


def etag_for(data) -> str:
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return '"' + hashlib.sha256(payload.encode()).hexdigest()[:32] + '"'


@extend_schema_field(OpenApiTypes.STR)
class EntityRefField(serializers.RelatedField):
    """A reference to a record by slug. Also takes the link object the API
    itself returns (``{"slug": …}``), so a client can send back what it got."""

    default_error_messages = {
        "does_not_exist": "No {noun} with the slug {value}.",
        "invalid": "Give a slug (a string) or an object with a slug.",
        "not_a_slug": "Not a slug: use letters, digits, hyphens and underscores.",
    }

    def __init__(self, *, noun: str = "record", **kwargs):
        self.noun = noun
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("slug")
        if not isinstance(data, str) or not data:
            self.fail("invalid")
        # No record has a slug that is not one; and a NUL or a lone surrogate
        # must not reach the database (PostgreSQL and SQLite refuse them).
        if not slug_re.match(data):
            self.fail("not_a_slug")
        try:
            return self.get_queryset().get(slug=data)
        except models.ObjectDoesNotExist:
            self.fail("does_not_exist", noun=self.noun, value=data)

    def to_representation(self, value):
        return value.slug


class StrictWriteSerializer(serializers.Serializer):
    """Refuses fields it does not know (a typo must not be silently dropped).

    Read-only fields (keys of the read representation that are not
    writable: ``id``, ``url``, computed ones) are refused with 400 naming
    them, unless their value is the record's own: what a client fetched can
    be sent back with changes, but ``{"id": 999}`` is not silently dropped.
    On a create, where there is no record yet, every read-only field is
    refused."""

    read_only_keys: frozenset[str] = frozenset()
    #: Why a read-only field cannot be written, where more can be said than
    #: that it is read-only (a field derived from others).
    read_only_reasons: dict[str, str] = {}

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise ValidationError(
                {"detail": ["Send a JSON object with the record's fields."]}
            )
        known = set(self.fields) | self.read_only_keys
        unknown = sorted(key for key in data if key not in known)
        if unknown:
            raise ValidationError({key: [self.unknown_message(key)] for key in unknown})
        strict = {**self.read_only_errors(data), **self.strict_errors(data)}
        try:
            value = super().to_internal_value(data)
        except ValidationError as error:
            raise ValidationError({**error.detail, **strict}) from error
        if strict:
            raise ValidationError(strict)
        return value

    def unknown_message(self, key: str) -> str:
        if key == "version" and self.root is self:
            return (
                "Not a field: a record's version is its ETag. Send the ETag you "
                "fetched as If-Match to refuse the write if someone else saved "
                "the record since."
            )
        return f"Unknown field; writable fields are {', '.join(sorted(self.fields))}."

    def read_only_errors(self, data) -> dict[str, list[str]]:
        """The read-only fields sent with another value than the record's."""
        sent = [key for key in data if key in self.read_only_keys - set(self.fields)]
        if not sent or self.root is not self:
            return {}
        current = self._current_representation() if self.instance else {}
        errors = {}
        for key in sorted(sent):
            if key in current and _as_json(data[key]) == _as_json(current[key]):
                continue
            reason = self.read_only_reasons.get(key) or (
                "Read-only: it cannot be changed here."
                if self.instance is not None
                else "Read-only: it is set by Newsdesk, not by the request."
            )
            errors[key] = [reason + " Leave it out, or send the record's own value."]
        return errors

    def _current_representation(self) -> dict:
        view = self.context.get("view")
        if view is None or not hasattr(view, "get_serializer"):
            return {}
        return dict(view.get_serializer(self.instance).data)

    def strict_errors(self, data) -> dict[str, list[str]]:
        """What DRF lets through: a number sent for a text field becomes
        text ("42"), though the schema promises a string; and a PATCH makes
        every nested field optional too, so a party or a mention item without
        its organisation or person would reach the save."""
        errors = {}
        nested_in_patch = self.root is not self and getattr(self.root, "partial", False)
        for name, field in self.fields.items():
            if field.read_only:
                continue
            if nested_in_patch and field.required and name not in data:
                errors[name] = [field.error_messages["required"]]
            value = data.get(name)
            if value is None:
                continue
            if isinstance(field, serializers.CharField) and not isinstance(value, str):
                errors[name] = ["Not a valid string."]
            elif (
                isinstance(field, serializers.ListField)
                and isinstance(field.child, serializers.CharField)
                and isinstance(value, list)
                and not all(isinstance(item, str) for item in value)
            ):
                errors[name] = ["Give a list of strings."]
        return errors


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, except that a body nested deeper than Python's
    decoder can follow (``[[[[…`` a hundred thousand deep) is a 400 like any
    other malformed JSON, not a ``RecursionError`` and a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - nested too deeply.") from error


class ServiceWriteMixin:
    """create / update / partial_update / destroy for a viewset whose
    ``write_serializer_class`` saves through the services. Responses carry
    the read representation (``get_serializer``) and its ETag."""

    parser_classes = [JSONParser, parsers.FormParser, parsers.MultiPartParser]
    write_serializer_class: type[serializers.Serializer] | None = None
    last_modified_field: str | None = None

    def get_write_serializer(self, *args, **kwargs):
        kwargs["context"] = self.get_serializer_context()
        return self.write_serializer_class(*args, **kwargs)

    def read_representation(self, instance):
        instance = self.get_queryset().get(pk=instance.pk)
        return self.get_serializer(instance).data

    def check_if_match(self, request, instance) -> None:
        header = request.headers.get("If-Match")
        if not header or header.strip() == "*":
            return
        # If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never
        # matches, since it cannot vouch for the exact representation.
        tags = {tag.strip() for tag in header.split(",")}
        if etag_for(self.get_serializer(instance).data) not in tags:
            raise PreconditionFailed(
                "This record has changed since you fetched it (its ETag is no "
                "longer the one you sent in If-Match). Fetch it again and "
                "reapply your change."
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            getattr(self, "action", None) == "retrieve"
            and response.status_code == status.HTTP_200_OK
            and "ETag" not in response
        ):
            response["ETag"] = etag_for(response.data)
            modified = self.last_modified(getattr(self, "_object", None))
            if modified is not None:
                response["Last-Modified"] = http_date(modified.timestamp())
        return response

    def last_modified(self, instance):
        if instance is None or not self.last_modified_field:
            return None
        return getattr(instance, self.last_modified_field, None)

    def get_object(self):
        self._object = super().get_object()
        return self._object

    def create(self, request, *args, **kwargs):
        serializer = self.get_write_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        data = self.read_representation(instance)
        headers = {"ETag": etag_for(data)}
        if data.get("url"):
            headers["Location"] = str(data["url"])
        return Response(data, status=status.HTTP_201_CREATED, headers=headers)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        self.check_if_match(request, instance)
        serializer = self.get_write_serializer(
            instance, data=request.data, partial=partial
        )
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        data = self.read_representation(instance)
        return Response(data, headers={"ETag": etag_for(data)})

    def partial_update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        self.check_if_match(request, instance)
        self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance) -> None:
        instance.delete()


def write_schemas(noun: str, write, read, lookup: str = "slug", accepted=None) -> dict:
    """The schema of a resource's writes: the write serializer in, the read
    representation out (and ``accepted``, when an update may be held for
    review, with 202)."""
    if lookup == "slug":
        key = OpenApiParameter(
            "slug", str, OpenApiParameter.PATH, description=f"The {noun}'s slug."
        )
    else:
        key = OpenApiParameter(
            "id", int, OpenApiParameter.PATH, description=f"The {noun}'s id."
        )
    updated = {200: read, 202: accepted} if accepted else read
    return {
        "create": extend_schema(request=write, responses={201: read}),
        "update": extend_schema(request=write, responses=updated, parameters=[key]),
        "partial_update": extend_schema(
            request=write, responses=updated, parameters=[key]
        ),
        "destroy": extend_schema(parameters=[key]),
    }


def slug_write_field(source: str) -> serializers.SlugField:
    """A record's slug on write: optional, derived from ``source`` when empty
    (the services derive it; the unique check is theirs too)."""
    return serializers.SlugField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text=f"Public identifier; derived from the {source} when empty.",
    )


def wikidata_write_field(example: str = "Q159") -> serializers.CharField:
    return serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text=f"E.g. {example}."
    )


def bounded_date_field(**kwargs) -> serializers.DateField:
    """A date between the years 1000 and 2999 (newsdesk/core/dates.py), the
    range the models hold too; checked here as well so that an item of a
    list is named by its path (``status_history.0.date``)."""
    kwargs["help_text"] = f"{kwargs.get('help_text', '')} {RANGE_HELP}".strip()
    return serializers.DateField(validators=[date_in_range], **kwargs)


def bounded_datetime_field(**kwargs) -> serializers.DateTimeField:
    """A date and time whose date lies between the years 1000 and 2999."""
    kwargs["help_text"] = f"{kwargs.get('help_text', '')} {RANGE_HELP}".strip()
    return serializers.DateTimeField(validators=[date_in_range], **kwargs)


def optional_ref(queryset, noun: str, help_text: str) -> EntityRefField:
    """A reference that may be left out or set to null."""
    return EntityRefField(
        queryset=queryset,
        noun=noun,
        required=False,
        allow_null=True,
        help_text=help_text,
    )
