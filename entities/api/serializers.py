"""The registry as the API shows it. Explicit fields only."""

from __future__ import annotations

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from newsdesk.api.dynamic import DynamicFieldsMixin

from ..models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    Person,
    Role,
)

ID_HELP = "Internal numeric id (stable, but prefer the slug)."
SLUG_HELP = "Public identifier, used in URLs and filters."


def link_serializer(model, view_name: str, name_field: str = "name"):
    """A compact link to a record: id, slug, name and API URL."""

    class Link(serializers.ModelSerializer):
        url = serializers.HyperlinkedIdentityField(
            view_name=view_name,
            lookup_field="slug",
            help_text="This record in the API.",
        )

        class Meta:
            fields = ["id", "slug", name_field, "url"]
            read_only_fields = fields
            extra_kwargs = {
                "id": {"help_text": ID_HELP},
                "slug": {"help_text": SLUG_HELP},
            }

    Link.Meta.model = model
    Link.__name__ = Link.__qualname__ = f"{model.__name__}Link"
    return Link


PersonLinkSerializer = link_serializer(Person, "person-detail")
OrganisationLinkSerializer = link_serializer(Organisation, "organisation-detail")
AgreementLinkSerializer = link_serializer(Agreement, "agreement-detail", "title")


class RoleSerializer(serializers.ModelSerializer):
    organisation = OrganisationLinkSerializer(
        read_only=True, help_text="Where the title is held."
    )

    class Meta:
        model = Role
        fields = ["title", "organisation", "start_date", "end_date"]
        read_only_fields = fields


class PersonSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """A person in the registry, with aliases and roles."""

    url = serializers.HyperlinkedIdentityField(
        view_name="person-detail", lookup_field="slug", help_text="This person."
    )
    aliases = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other spellings and partial names.",
    )
    roles = RoleSerializer(
        many=True, read_only=True, help_text="Titles held, with where and when."
    )
    quotes_url = serializers.HyperlinkedIdentityField(
        view_name="person-quotes",
        lookup_field="slug",
        lookup_url_kwarg="person_slug",
        help_text="This person's quotes.",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "slug",
            "url",
            "name",
            "aliases",
            "description",
            "wikidata_id",
            "roles",
            "quotes_url",
        ]
        read_only_fields = fields
        extra_kwargs = {"id": {"help_text": ID_HELP}, "slug": {"help_text": SLUG_HELP}}


class PersonSummarySerializer(PersonSerializer):
    """A person expanded inside another resource: no roles."""

    class Meta(PersonSerializer.Meta):
        fields = [f for f in PersonSerializer.Meta.fields if f != "roles"]
        read_only_fields = fields


class OrganisationSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """A state, body, agency, outlet or company."""

    url = serializers.HyperlinkedIdentityField(
        view_name="organisation-detail",
        lookup_field="slug",
        help_text="This organisation.",
    )
    aliases = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other names and abbreviations.",
    )
    # ModelSerializer's ChoiceField hands a blank Country object to the JSON
    # encoder (an organisation with no country answered a 500).
    country = CountryField(
        read_only=True,
        allow_blank=True,
        help_text="ISO 3166-1 alpha-2 country code; empty if none.",
    )
    country_name = serializers.CharField(
        source="country.name", read_only=True, help_text="The country's name."
    )
    parent = OrganisationLinkSerializer(
        read_only=True, allow_null=True, help_text="The organisation it belongs to."
    )
    quotes_url = serializers.HyperlinkedIdentityField(
        view_name="organisation-quotes",
        lookup_field="slug",
        lookup_url_kwarg="organisation_slug",
        help_text="Quotes of people speaking for it or its sub-organisations.",
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "url",
            "name",
            "kind",
            "country",
            "country_name",
            "parent",
            "aliases",
            "description",
            "wikidata_id",
            "quotes_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": ID_HELP},
            "slug": {"help_text": SLUG_HELP},
        }


class PartySerializer(serializers.ModelSerializer):
    organisation = OrganisationLinkSerializer(read_only=True, help_text="The party.")

    class Meta:
        model = AgreementParty
        fields = ["organisation", "role"]
        read_only_fields = fields


class ReportingArticleSerializer(serializers.Serializer):
    """The article that reported something: slug, headline, time, URL."""

    slug = serializers.SlugField(read_only=True, help_text=SLUG_HELP)
    headline = serializers.CharField(read_only=True, help_text="Headline.")
    published_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Publication time."
    )
    url = serializers.HyperlinkedIdentityField(
        view_name="article-detail", lookup_field="slug", help_text="The article."
    )


class StatusChangeSerializer(serializers.ModelSerializer):
    party = OrganisationLinkSerializer(
        read_only=True, allow_null=True, help_text="The party whose move it was."
    )
    article = ReportingArticleSerializer(
        read_only=True, allow_null=True, help_text="The article that reported it."
    )

    class Meta:
        model = AgreementStatusChange
        fields = ["date", "status", "party", "note", "article"]
        read_only_fields = fields


class AgreementSerializer(DynamicFieldsMixin, serializers.ModelSerializer):
    """An agreement with its parties and dated status history."""

    url = serializers.HyperlinkedIdentityField(
        view_name="agreement-detail", lookup_field="slug", help_text="This agreement."
    )
    status = serializers.ChoiceField(
        source="visible_status",
        choices=Agreement._meta.get_field("status").choices,
        read_only=True,
        help_text="Current status, as reported by published stories.",
    )
    parties = PartySerializer(many=True, read_only=True, help_text="Its parties.")
    status_history = StatusChangeSerializer(
        source="visible_status_changes",
        many=True,
        read_only=True,
        help_text="Dated status changes, oldest first, with the reporting article.",
    )

    class Meta:
        model = Agreement
        fields = [
            "id",
            "slug",
            "url",
            "title",
            "kind",
            "signed_on",
            "signed_precision",
            "scope",
            "summary",
            "status",
            "parties",
            "status_history",
            "wikidata_id",
        ]
        read_only_fields = fields
        extra_kwargs = {"id": {"help_text": ID_HELP}, "slug": {"help_text": SLUG_HELP}}
