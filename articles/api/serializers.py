"""Stories and quotes as the API shows them. Every quote, wherever it
appears, links to its speaker, the organisation behind it, its outlet and its
article."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

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
from newsdesk.api.dynamic import DynamicFieldsMixin

from ..models import Article, Quote


class ArticleSummarySerializer(serializers.ModelSerializer):
    """An article expanded inside a quote: everything but the body."""

    url = serializers.HyperlinkedIdentityField(
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

    url = serializers.HyperlinkedIdentityField(
        view_name="quote-detail", help_text="This quote."
    )
    speaker = PersonLinkSerializer(read_only=True, help_text="Who said it.")
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
        "speaker": lambda: PersonSummarySerializer(read_only=True),
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


class PersonMentionSerializer(MentionSerializer):
    person = PersonLinkSerializer(read_only=True, help_text="The person.")


class OrganisationMentionSerializer(MentionSerializer):
    organisation = OrganisationLinkSerializer(
        read_only=True, help_text="The organisation."
    )


class AgreementMentionSerializer(MentionSerializer):
    agreement = AgreementLinkSerializer(read_only=True, help_text="The agreement.")


class ArticleSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """A story with the people, organisations and agreements it mentions."""

    url = serializers.HyperlinkedIdentityField(
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
