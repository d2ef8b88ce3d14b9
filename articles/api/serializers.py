"""Stories and quotes as the API shows them. Every quote, wherever it
appears, links to its speaker, the organisation behind it, its outlet and its
article."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError

from entities.api.serializers import (
    ID_HELP,
    SLUG_HELP,
    AgreementLinkSerializer,
    OrganisationLinkSerializer,
    OrganisationSerializer,
    PersonLinkSerializer,
    PersonSummarySerializer,
    ReportingArticleSerializer,
)
from entities.models import Agreement, Organisation, Person
from newsdesk.api.dynamic import DynamicFieldsMixin
from newsdesk.api.links import IdentityLinkField
from newsdesk.api.writing import (
    EntityRefField,
    StrictWriteSerializer,
    bounded_datetime_field,
    optional_ref,
    slug_write_field,
)

from .. import services
from ..models import Article, ArticleStatus, Quote, QuoteKind, language_choices


class OptionalURLField(serializers.URLField):
    """A URL that may be missing: null rather than an empty string, so a
    client never meets something typed as a URI that is not one."""

    def to_representation(self, value):
        return value or None


def source_url_field() -> OptionalURLField:
    return OptionalURLField(
        read_only=True,
        allow_null=True,
        help_text="Where it was published, or null if not recorded.",
    )


class ArticleSummarySerializer(serializers.ModelSerializer):
    """An article expanded inside a quote: everything but the body."""

    source_url = source_url_field()

    url = IdentityLinkField(
        view_name="article-detail", lookup_field="slug", help_text="The article."
    )
    source = OrganisationLinkSerializer(
        read_only=True, allow_null=True, help_text="The outlet that published it."
    )

    class Meta:
        model = Article
        fields = [
            "slug",
            "url",
            "headline",
            "standfirst",
            "published_at",
            "language",
            "source",
            "source_url",
        ]
        read_only_fields = fields
        extra_kwargs = {"slug": {"help_text": SLUG_HELP}}


class QuoteSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """A quote with its speaker, the organisation behind it, its outlet and
    its article."""

    url = IdentityLinkField(view_name="quote-detail", help_text="This quote.")
    speaker = PersonLinkSerializer(
        read_only=True,
        allow_null=True,
        help_text="Who said it; null for an unnamed source (see `source_description`).",
    )
    source_description = serializers.CharField(
        read_only=True,
        help_text="Who spoke when the story names no one, in its words (“a "
        "spokesman”, “officials”); empty when a named speaker spoke.",
    )
    organisation = OrganisationLinkSerializer(
        read_only=True,
        allow_null=True,
        help_text="The organisation the speaker spoke for.",
    )
    outlet = OrganisationLinkSerializer(
        read_only=True,
        allow_null=True,
        help_text="The outlet the words were said to, when known.",
    )
    article = ReportingArticleSerializer(
        read_only=True, help_text="The article that reports it."
    )

    expandable_fields = {
        "speaker": lambda: PersonSummarySerializer(read_only=True, allow_null=True),
        "organisation": lambda: OrganisationSerializer(read_only=True, allow_null=True),
        "outlet": lambda: OrganisationSerializer(read_only=True, allow_null=True),
        "article": lambda: ArticleSummarySerializer(read_only=True),
    }

    class Meta:
        model = Quote
        fields = [
            "id",
            "url",
            "text",
            "kind",
            "cue",
            "said_on",
            "start",
            "end",
            "speaker",
            "source_description",
            "organisation",
            "outlet",
            "article",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": "The quote's id: its public identifier."},
            "start": {"help_text": "Offset of its first character in the body."},
            "end": {"help_text": "Offset just after its last character."},
        }


class MentionSerializer(serializers.Serializer):
    about = serializers.BooleanField(
        read_only=True, help_text="The story is about it, not just mentioning it."
    )
    #: The field linking to what is mentioned (each subclass declares it).
    entity = ""

    def to_representation(self, mention):
        # The two fields without DRF's per-field machinery: a page of stories
        # carries some 500 mentions.
        request = self.context.get("request")
        if request is None or self.context.get("format"):
            return super().to_representation(mention)
        return {
            "about": mention.about,
            self.entity: self.fields[self.entity].to_representation(
                getattr(mention, self.entity)
            ),
        }


class PersonMentionSerializer(MentionSerializer):
    entity = "person"
    person = PersonLinkSerializer(read_only=True, help_text="The person.")


class OrganisationMentionSerializer(MentionSerializer):
    entity = "organisation"
    organisation = OrganisationLinkSerializer(
        read_only=True, help_text="The organisation."
    )


class AgreementMentionSerializer(MentionSerializer):
    entity = "agreement"
    agreement = AgreementLinkSerializer(read_only=True, help_text="The agreement.")


class ArticleSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """A story with the people, organisations and agreements it mentions."""

    url = IdentityLinkField(
        view_name="article-detail", lookup_field="slug", help_text="This article."
    )
    jsonld_url = serializers.SerializerMethodField(
        help_text="This article as schema.org JSON-LD (NewsArticle)."
    )
    source = OrganisationLinkSerializer(
        read_only=True, allow_null=True, help_text="The outlet that published it."
    )
    authors = PersonLinkSerializer(
        many=True, read_only=True, help_text="The reporters who wrote it."
    )
    people = PersonMentionSerializer(
        source="articleperson_set",
        many=True,
        read_only=True,
        help_text="People it mentions.",
    )
    organisations = OrganisationMentionSerializer(
        source="articleorganisation_set",
        many=True,
        read_only=True,
        help_text="Organisations it mentions.",
    )
    agreements = AgreementMentionSerializer(
        source="articleagreement_set",
        many=True,
        read_only=True,
        help_text="Agreements it mentions.",
    )
    source_url = source_url_field()
    quote_count = serializers.IntegerField(
        read_only=True, help_text="How many quotes it holds."
    )
    quotes_url = serializers.SerializerMethodField(
        help_text="Its quotes, filterable like the quotes list."
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "url",
            "jsonld_url",
            "headline",
            "standfirst",
            "status",
            "published_at",
            "language",
            "source",
            "source_url",
            "authors",
            "people",
            "organisations",
            "agreements",
            "quote_count",
            "quotes_url",
        ]
        read_only_fields = fields
        extra_kwargs = {"id": {"help_text": ID_HELP}, "slug": {"help_text": SLUG_HELP}}

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_jsonld_url(self, article) -> str:
        return self._absolute(
            reverse("article-detail", args=[article.slug]) + "?format=jsonld"
        )

    def get_quotes_url(self, article) -> str:
        return self._absolute(reverse("quote-list") + f"?article={article.slug}")


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its body and every quote in it."""

    quotes = QuoteSerializer(
        many=True, read_only=True, help_text="Its quotes, in body order."
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "quotes"]
        read_only_fields = fields


# --------------------------------------------------------------------------
# Writing: JSON in, the services' arguments out. The services validate.

MAX_BODY_CHARACTERS = 200_000


def _refuse_if_locked(article: Article, user) -> None:
    if not services.article_can_edit(article=article, user=user):
        raise PermissionDenied(
            {
                "detail": [
                    f"“{article}” is {article.get_status_display().lower()}: only "
                    "editors can change it now."
                    if article.status != ArticleStatus.DRAFT
                    else f"“{article}” is another reporter's draft: only its "
                    "reporters and editors can change it."
                ]
            }
        )


class MentionWriteSerializer(StrictWriteSerializer):
    about = serializers.BooleanField(
        required=False, default=False, help_text="The story is about it."
    )


class PersonMentionWriteSerializer(MentionWriteSerializer):
    person = EntityRefField(
        queryset=Person.objects.all(), noun="person", help_text="Slug of the person."
    )


class OrganisationMentionWriteSerializer(MentionWriteSerializer):
    organisation = EntityRefField(
        queryset=Organisation.objects.all(),
        noun="organisation",
        help_text="Slug of the organisation.",
    )


class AgreementMentionWriteSerializer(MentionWriteSerializer):
    agreement = EntityRefField(
        queryset=Agreement.objects.all(),
        noun="agreement",
        help_text="Slug of the agreement.",
    )


class ArticleWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(ArticleDetailSerializer.Meta.fields)

    headline = serializers.CharField(max_length=300, help_text="Headline.")
    slug = slug_write_field("headline")
    standfirst = serializers.CharField(
        max_length=2_000, required=False, allow_blank=True, help_text="Summary."
    )
    body = serializers.CharField(
        max_length=MAX_BODY_CHARACTERS,
        trim_whitespace=False,
        help_text="The story's text; quotes are located in it.",
    )
    authors = EntityRefField(
        queryset=Person.objects.all(),
        noun="person",
        many=True,
        required=False,
        help_text="Slugs of its reporters.",
    )
    source = optional_ref(
        Organisation.objects.all(),
        "organisation",
        "Slug of the outlet that published it.",
    )
    source_url = serializers.URLField(
        max_length=500,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Where it was published; null or empty for none.",
    )
    language = serializers.ChoiceField(
        choices=language_choices(), required=False, help_text="Language code."
    )
    published_at = bounded_datetime_field(
        required=False,
        allow_null=True,
        help_text="Publication time; a future time schedules it.",
    )
    status = serializers.ChoiceField(
        choices=ArticleStatus.choices,
        required=False,
        help_text="Move it along the workflow (draft → in_review → published → "
        "archived); publishing needs an editor.",
    )
    people = PersonMentionWriteSerializer(
        many=True, required=False, help_text="People it mentions; replaces the list."
    )
    organisations = OrganisationMentionWriteSerializer(
        many=True,
        required=False,
        help_text="Organisations it mentions; replaces the list.",
    )
    agreements = AgreementMentionWriteSerializer(
        many=True,
        required=False,
        help_text="Agreements it mentions; replaces the list.",
    )

    MENTIONS = (
        ("people", "person"),
        ("organisations", "organisation"),
        ("agreements", "agreement"),
    )

    def _save(self, article: Article, validated_data: dict) -> Article:
        user = self.context["request"].user
        status = validated_data.pop("status", None)
        authors = validated_data.pop("authors", None)
        mentions = {key: validated_data.pop(key, None) for key, _ in self.MENTIONS}
        if "source_url" in validated_data and validated_data["source_url"] is None:
            validated_data["source_url"] = ""
        for name, value in validated_data.items():
            setattr(article, name, value)
        created = article.pk is None
        services.article_save(article=article)
        if created:
            services.article_assignee_add(article=article, user=user)
        if authors is not None:
            services.article_authors_set(article=article, authors=authors)
        for key, field in self.MENTIONS:
            if mentions[key] is not None:
                services.article_mentions_replace(
                    article=article,
                    entities=[(m[field], m.get("about", False)) for m in mentions[key]],
                    kind=field,
                )
        if status is not None and status != article.status:
            try:
                services.article_transition(article=article, status=status, user=user)
            except services.WorkflowError as error:
                if error.code == "permission_denied":
                    raise PermissionDenied({"status": error.messages}) from error
                raise ValidationError({"status": error.messages}) from error
        return article

    def create(self, validated_data):
        return self._save(Article(), validated_data)

    def update(self, article, validated_data):
        _refuse_if_locked(article, self.context["request"].user)
        return self._save(article, validated_data)


class QuoteWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(QuoteSerializer.Meta.fields)

    article = EntityRefField(
        queryset=Article.objects.all(),
        noun="article",
        help_text="Slug of the article it belongs to.",
    )
    text = serializers.CharField(
        max_length=20_000,
        help_text="Direct and partial quotes: the words exactly as in the body.",
    )
    kind = serializers.ChoiceField(
        choices=QuoteKind.choices,
        required=False,
        help_text="direct, partial or indirect.",
    )
    speaker = optional_ref(
        Person.objects.all(),
        "person",
        "Slug of the speaker; null for an unnamed source, described in "
        "`source_description`.",
    )
    source_description = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="An unnamed source in the story's words (“a spokesman”), when "
        "no speaker is given.",
    )
    organisation = optional_ref(
        Organisation.objects.all(),
        "organisation",
        "Slug of the organisation spoken for; defaults from the role.",
    )
    outlet = optional_ref(
        Organisation.objects.all(),
        "organisation",
        "Slug of the outlet it was said to.",
    )
    cue = serializers.CharField(
        max_length=50, required=False, allow_blank=True, help_text="E.g. said, told."
    )
    said_on = serializers.DateField(
        required=False, allow_null=True, help_text="When it was said."
    )

    def _save(self, quote: Quote, validated_data: dict) -> Quote:
        user = self.context["request"].user
        for name, value in validated_data.items():
            setattr(quote, name, value)
        _refuse_if_locked(quote.article, user)
        return services.quote_save(quote=quote)

    def create(self, validated_data):
        return self._save(Quote(), validated_data)

    def update(self, quote, validated_data):
        _refuse_if_locked(quote.article, self.context["request"].user)
        return self._save(quote, validated_data)
