"""``extract/``: the extraction assistant for API clients. An editor's tool
posts a story's text (or names an article) and gets back the proposed
structure — quotes with speakers, cues, outlets and organisations; the people,
organisations and agreements the story names — to show its own review screen.
Nothing is written: accepting a proposal is a separate write (``quotes/``,
``people/``, …) through the same services as any other."""

from __future__ import annotations

import re

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from newsdesk.api.parameters import StrictParametersMixin
from newsdesk.api.writing import EntityRefField, JSONParser, StrictWriteSerializer

from ..extraction import Gazetteer, extract
from ..models import Article, QuoteKind
from ..selectors import articles_visible
from .serializers import MAX_BODY_CHARACTERS

# An unpaired surrogate ("\ud800" escaped in JSON) would be echoed in the
# proposals and make the response impossible to encode.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class VisibleArticleField(EntityRefField):
    """An article the client may read, by slug."""

    def get_queryset(self):
        return articles_visible(user=self.context["request"].user)


class ExtractionRequestSerializer(StrictWriteSerializer):
    text = serializers.CharField(
        required=False,
        max_length=MAX_BODY_CHARACTERS,
        trim_whitespace=False,
        help_text="The story's plain text. Offsets in the answer are character "
        "offsets in this text exactly as sent. Give this or `article`.",
    )
    article = VisibleArticleField(
        queryset=Article.objects.all(),
        noun="article",
        required=False,
        help_text="Slug of an article whose body to read instead of `text`.",
    )

    def validate_text(self, value: str) -> str:
        if LONE_SURROGATE.search(value):
            raise serializers.ValidationError(
                "The text holds an unpaired surrogate code point; send valid Unicode."
            )
        return value

    def validate(self, attrs):
        if "text" in attrs and "article" in attrs:
            raise serializers.ValidationError(
                {"article": ["Send either `text` or `article`, not both."]}
            )
        if "text" not in attrs and "article" not in attrs:
            raise serializers.ValidationError(
                {"text": ["Send the text to read, or an article's slug in `article`."]}
            )
        article = attrs.get("article")
        if article is not None and len(article.body) > MAX_BODY_CHARACTERS:
            raise serializers.ValidationError(
                {
                    "article": [
                        f"This article's body is longer than {MAX_BODY_CHARACTERS} "
                        "characters, more than the assistant reads at once."
                    ]
                }
            )
        return attrs


# The answer, described for the schema (it is the engine's to_dict()).

OFFSET = "Character offset in the text ({})."


def _offset(what: str) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, help_text=OFFSET.format(what))


def _mentions_field(what: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ListField(
            child=serializers.IntegerField(min_value=0), min_length=2, max_length=2
        ),
        help_text=f"Where the text names {what}: [start, end] character offsets.",
    )


class ExistingRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The registry record's id.")
    slug = serializers.CharField(help_text="The registry record's slug.")


def _existing_field(noun: str) -> ExistingRecordSerializer:
    return ExistingRecordSerializer(
        allow_null=True,
        help_text=f"The {noun} in the registry this resolves to, or null for a "
        f"proposed new {noun}.",
    )


class ProposedQuoteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=QuoteKind.choices,
        help_text="direct (a full quoted sentence), partial (quoted words in "
        "the reporter's sentence) or indirect (reported speech).",
    )
    text = serializers.CharField(
        help_text="The quoted or reported words, exactly as in the text."
    )
    start = _offset("first character of the quote")
    end = _offset("after the last character of the quote")
    speaker = serializers.CharField(
        allow_null=True,
        help_text="`key` of the speaker in `people`, or null when the text "
        "names no one (see `source_description`).",
    )
    source_description = serializers.CharField(
        allow_null=True,
        help_text="An unnamed or group source as the text describes it (“a "
        "spokesman”, “officials”, “Moscow”), or null when a named person spoke.",
    )
    cue = serializers.CharField(
        allow_blank=True,
        help_text="The reporting verb or phrase: “said”, “told”, “according to”.",
    )
    outlet = serializers.CharField(
        allow_null=True,
        help_text="`key` in `organisations` of the outlet the words were said "
        "to (“told TASS”), or null.",
    )
    organisation = serializers.CharField(
        allow_null=True,
        help_text="`key` in `organisations` of whom the speaker spoke for, as "
        "the text says (their role), or null.",
    )
    evidence_start = _offset("start of the sentence or passage that attributes it")
    evidence_end = _offset("end of the sentence or passage that attributes it")
    confidence = serializers.FloatField(
        min_value=0,
        max_value=1,
        help_text="How sure the rules are, from 0 to 1; a hint for ordering "
        "the review, not a probability.",
    )


class ProposedPersonSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="Identifies the person within this answer (their slug if known)."
    )
    name = serializers.CharField(help_text="The fullest name the text gives.")
    existing = _existing_field("person")
    role = serializers.CharField(
        allow_blank=True,
        help_text="The role the text describes, e.g. “Russian cosmonaut”, or empty.",
    )
    role_organisation = serializers.CharField(
        allow_null=True,
        help_text="`key` in `organisations` of where the role is held, or null.",
    )
    mentions = _mentions_field("the person")


class ProposedOrganisationSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="Identifies the organisation within this answer (its slug if known)."
    )
    name = serializers.CharField(help_text="Its name as the registry or text has it.")
    existing = _existing_field("organisation")
    mentions = _mentions_field("the organisation")
    outlet = serializers.BooleanField(
        help_text="True when the text has words said to it (a news outlet)."
    )
    kind = serializers.CharField(
        allow_blank=True,
        help_text="The registry kind when the assistant knows it (`news_agency` "
        "or `media_outlet` for a wire agency or broadcaster it ships), else empty.",
    )
    aliases = serializers.ListField(
        child=serializers.CharField(),
        help_text="Other names the text gives it (an acronym in parentheses).",
    )


class ProposedAgreementSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="Identifies the agreement within this answer (its slug if known)."
    )
    name = serializers.CharField(help_text="Its title, or the text's words for it.")
    existing = _existing_field("agreement")
    year = serializers.IntegerField(
        allow_null=True, help_text="The year signed, when the text gives it."
    )
    mentions = _mentions_field("the agreement")


class SetAsideSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The quoted words.")
    start = _offset("first quoted character")
    end = _offset("after the last quoted character")
    reason = serializers.CharField(
        help_text="Why they are not proposed as a quote (a title, scare quotes, …)."
    )
    kind = serializers.CharField(
        allow_null=True,
        help_text="For quoted words with no speaker in the text (`no speaker`): "
        "the kind of quote they would be, for an editor to attribute; else null.",
    )


class ExtractionSerializer(serializers.Serializer):
    quotes = ProposedQuoteSerializer(
        many=True, help_text="Proposed quotes, in the order of the text."
    )
    people = ProposedPersonSerializer(
        many=True, help_text="People the text names, known or proposed new."
    )
    organisations = ProposedOrganisationSerializer(
        many=True, help_text="Organisations the text names, known or proposed new."
    )
    agreements = ProposedAgreementSerializer(
        many=True, help_text="Agreements the text names, known or proposed new."
    )
    set_aside = SetAsideSerializer(
        many=True,
        help_text="Quoted words deliberately not proposed as quotes, with why, "
        "so an editor can still make a quote of one by hand.",
    )


class CanEnterQuotes(permissions.BasePermission):
    """Whoever may enter quotes may ask for proposals of them."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and user.has_perm("articles.add_quote")
        )


class ExtractionView(StrictParametersMixin, APIView):
    """Proposals of structure for a story's text: its quotes with speakers,
    cues, outlets and organisations, and the people, organisations and
    agreements it names, resolved against the registry. Read-only: nothing is
    saved; an editor confirms each proposal by writing it as usual."""

    permission_classes = [CanEnterQuotes]
    parser_classes = [JSONParser]

    @classmethod
    def as_view(cls, **initkwargs):
        # Nothing here writes: working out proposals runs outside any
        # transaction, so it holds nothing other editors wait for.
        return transaction.non_atomic_requests(super().as_view(**initkwargs))

    @extend_schema(
        operation_id="extract",
        summary="Propose a story's structure",
        request=ExtractionRequestSerializer,
        responses={200: ExtractionSerializer},
    )
    def post(self, request):
        serializer = ExtractionRequestSerializer(
            data=request.data, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        article = serializer.validated_data.get("article")
        text = article.body if article else serializer.validated_data["text"]
        extraction = extract(text, Gazetteer.from_registry())
        return Response(ExtractionSerializer(extraction.to_dict()).data)
