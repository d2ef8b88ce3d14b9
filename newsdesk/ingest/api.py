"""``ingest/``: editors' tools post wire copy (or an allow-listed URL) and get
back what became of each story, as ``manage.py ingest`` reports it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from entities.models import Organisation
from newsdesk.api.parameters import StrictParametersMixin
from newsdesk.api.writing import EntityRefField, JSONParser, StrictWriteSerializer

from .services import DocumentError, FetchError, fetch, ingest


class IngestRequestSerializer(StrictWriteSerializer):
    url = serializers.URLField(
        required=False,
        max_length=2000,
        help_text="A feed or ninjs document to fetch; it must lie under one of "
        "the server's INGEST_ALLOWED_URLS. Give this or `content`.",
    )
    content = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="The document itself: ninjs JSON (1.x or 2.x, one item or a "
        "list), an Atom feed or an RSS 2.0 feed.",
    )
    name = serializers.CharField(
        required=False,
        max_length=500,
        default="",
        allow_blank=True,
        help_text="What to call the document in the record of ingested stories.",
    )
    source = EntityRefField(
        queryset=Organisation.objects.all(),
        noun="organisation",
        required=False,
        help_text="Slug of the outlet the stories come from; by default the "
        "feed's own name, if the registry knows it.",
    )

    def validate(self, attrs):
        if ("url" in attrs) == ("content" in attrs):
            raise serializers.ValidationError(
                {"content": ["Send either the document in `content` or a `url`."]}
            )
        return attrs


class ItemOutcomeSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="1 for the document's first item.")
    guid = serializers.CharField(help_text="The item's guid, Atom id or ninjs uri.")
    outcome = serializers.ChoiceField(
        choices=["created", "updated", "unchanged", "kept", "refused"],
        help_text="kept: an editor changed the story since; it was not "
        "overwritten. refused: see `errors`; nothing of it was written.",
    )
    headline = serializers.CharField(help_text="The item's headline, as read.")
    article = serializers.CharField(
        allow_null=True, help_text="The draft article's slug."
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Why the item was refused, by field.",
    )
    message = serializers.CharField(help_text="Why it was kept, when it was.")


class IngestReportSerializer(serializers.Serializer):
    feed = serializers.CharField(help_text="The document's name or URL.")
    format = serializers.CharField(help_text="ninjs 1, ninjs 2, atom or rss.")
    summary = serializers.CharField(help_text="The counts below, in words.")
    created = serializers.IntegerField(help_text="New drafts.")
    updated = serializers.IntegerField(help_text="Drafts updated from a new version.")
    unchanged = serializers.IntegerField(help_text="Seen before, nothing changed.")
    kept = serializers.IntegerField(
        help_text="Seen before but changed by an editor since: left alone."
    )
    refused = serializers.IntegerField(
        help_text="Items not ingested; see their errors."
    )
    items = ItemOutcomeSerializer(many=True, help_text="Each item, in order.")


class CanIngest(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and user.has_perm("ingest.add_ingestedstory")
        )


class IngestView(StrictParametersMixin, APIView):
    """Ingest wire copy as draft articles, each item on its own: a refused
    item is reported with its errors and writes nothing, the others are
    ingested. A story seen before (same guid/uri) is updated unless an
    editor has changed it since."""

    permission_classes = [CanIngest]
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="ingest",
        summary="Ingest ninjs, Atom or RSS as drafts",
        request=IngestRequestSerializer,
        responses={200: IngestReportSerializer},
    )
    def post(self, request):
        serializer = IngestRequestSerializer(
            data=request.data, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            if "url" in data:
                body, feed = fetch(data["url"]), data["name"] or data["url"]
            else:
                body, feed = data["content"].encode("utf-8", "replace"), data["name"]
            report = ingest(data=body, feed=feed, source=data.get("source"))
        except FetchError as error:
            return Response({"url": [str(error)]}, status=status.HTTP_400_BAD_REQUEST)
        except DocumentError as error:
            return Response(
                {"content": [str(error)]}, status=status.HTTP_400_BAD_REQUEST
            )
        return Response(report.to_dict())
