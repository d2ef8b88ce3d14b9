"""The registry as the API shows it. Explicit fields only."""

from __future__ import annotations

import copy

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from newsdesk.api.dynamic import DynamicFieldsMixin
from newsdesk.api.links import IdentityLinkField, api_url
from newsdesk.api.writing import (
    EntityRefField,
    StrictWriteSerializer,
    bounded_date_field,
    optional_ref,
    slug_write_field,
    wikidata_write_field,
)

from .. import changes, services
from ..countries import NewsroomCountries
from ..models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    Person,
    ProposedChange,
    Role,
)

ID_HELP = "Internal numeric id (stable, but prefer the slug)."
SLUG_HELP = "Public identifier, used in URLs and filters."


class ReadOnlyCountryField(CountryField):
    """django-countries' field, built once. DRF deep-copies every declared
    field for each serializer it makes, and this one's copy re-reads and
    sorts the whole country list (20 ms per organisations page, half the
    request). A read-only field holds nothing of a request before it is
    bound, so a shallow copy serves."""

    def __deepcopy__(self, memo):
        return copy.copy(self)


def link_serializer(model, view_name: str, name_field: str = "name"):
    """A compact link to a record: id, slug, name and API URL."""

    class Link(serializers.ModelSerializer):
        url = IdentityLinkField(
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

        def to_representation(self, instance):
            # The fields above, without DRF's per-field machinery: every quote
            # carries three of these links (newsdesk/api/links.py).
            request = self.context.get("request")
            if request is None or self.context.get("format"):
                return super().to_representation(instance)
            return {
                "id": instance.pk,
                "slug": instance.slug,
                name_field: getattr(instance, name_field),
                "url": api_url(request, view_name, instance.slug),
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

    url = IdentityLinkField(
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
    quotes_url = IdentityLinkField(
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

    url = IdentityLinkField(
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
    country = ReadOnlyCountryField(
        countries=NewsroomCountries(),
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
    quotes_url = IdentityLinkField(
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
    url = IdentityLinkField(
        view_name="article-detail", lookup_field="slug", help_text="The article."
    )

    def to_representation(self, article):
        # The fields above without DRF's per-field machinery: every quote in
        # a list carries one (newsdesk/api/links.py).
        request = self.context.get("request")
        if request is None or self.context.get("format"):
            return super().to_representation(article)
        published = article.published_at
        if published is not None:
            published = self.fields["published_at"].to_representation(published)
        return {
            "slug": article.slug,
            "headline": article.headline,
            "published_at": published,
            "url": api_url(request, "article-detail", article.slug),
        }


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

    url = IdentityLinkField(
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


# --------------------------------------------------------------------------
# Writing: JSON in, the services' arguments out. The services validate.


def aliases_field() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        help_text="Other names; replaces the current list when given.",
    )


def not_a_duplicate_field() -> serializers.BooleanField:
    return serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="A new name or alias that folds like another record's name "
        "or alias (case, spacing, punctuation and accents aside) is refused "
        "with 400 on `name`, naming the likely duplicates by id, name and URL. "
        "Send `true` to save it anyway: a namesake, not a duplicate (an empty "
        "slug is then numbered, e.g. `john-smith-2`).",
    )


def _registry_write(save, record, validated_data, *, replace_aliases: bool):
    aliases = validated_data.pop("aliases", None)
    not_a_duplicate = validated_data.pop("not_a_duplicate", False)
    for name, value in validated_data.items():
        setattr(record, name, value)
    return save(
        record,
        aliases=aliases,
        replace_aliases=replace_aliases and aliases is not None,
        not_a_duplicate=not_a_duplicate,
    )


def _person_save(person, **kwargs):
    return services.person_save(person=person, **kwargs)


def _organisation_save(organisation, **kwargs):
    return services.organisation_save(organisation=organisation, **kwargs)


class PersonWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(PersonSerializer.Meta.fields)

    name = serializers.CharField(max_length=200, help_text="Full name.")
    slug = slug_write_field("name")
    description = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text="Who this is."
    )
    wikidata_id = wikidata_write_field()
    aliases = aliases_field()
    not_a_duplicate = not_a_duplicate_field()

    def create(self, validated_data):
        return _registry_write(
            _person_save, Person(), validated_data, replace_aliases=False
        )

    def update(self, person, validated_data):
        return _registry_write(
            _person_save, person, validated_data, replace_aliases=True
        )


class OrganisationWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(OrganisationSerializer.Meta.fields)

    name = serializers.CharField(max_length=200, help_text="Name.")
    slug = slug_write_field("name")
    kind = serializers.ChoiceField(
        choices=Organisation._meta.get_field("kind").choices,
        required=False,
        help_text="What sort of organisation.",
    )
    country = serializers.CharField(
        max_length=2,
        required=False,
        allow_blank=True,
        help_text="ISO 3166-1 alpha-2 code, e.g. RU.",
    )
    parent = optional_ref(
        Organisation.objects.all(),
        "organisation",
        "Slug of the organisation it belongs to.",
    )
    description = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text="What this is."
    )
    wikidata_id = wikidata_write_field()
    aliases = aliases_field()
    not_a_duplicate = not_a_duplicate_field()

    def create(self, validated_data):
        return _registry_write(
            _organisation_save, Organisation(), validated_data, replace_aliases=False
        )

    def update(self, organisation, validated_data):
        return _registry_write(
            _organisation_save, organisation, validated_data, replace_aliases=True
        )


class RoleReadSerializer(serializers.ModelSerializer):
    """A title a person holds in an organisation, between optional dates."""

    url = IdentityLinkField(view_name="role-detail", help_text="This role.")
    person = PersonLinkSerializer(read_only=True, help_text="Who holds it.")
    organisation = OrganisationLinkSerializer(
        read_only=True, help_text="Where it is held."
    )

    class Meta:
        model = Role
        fields = [
            "id",
            "url",
            "person",
            "organisation",
            "title",
            "start_date",
            "end_date",
        ]
        read_only_fields = fields
        extra_kwargs = {"id": {"help_text": ID_HELP}}


class RoleWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(RoleReadSerializer.Meta.fields)

    person = EntityRefField(
        queryset=Person.objects.all(), noun="person", help_text="Slug of the person."
    )
    organisation = EntityRefField(
        queryset=Organisation.objects.all(),
        noun="organisation",
        help_text="Slug of the organisation.",
    )
    title = serializers.CharField(max_length=200, help_text="E.g. Director General.")
    start_date = bounded_date_field(
        required=False, allow_null=True, help_text="First day, if known."
    )
    end_date = bounded_date_field(
        required=False, allow_null=True, help_text="Last day; empty if current."
    )

    def create(self, validated_data):
        user = self.context["request"].user
        changes.role_edit_check(person=validated_data["person"], user=user)
        return services.validated_save(Role(**validated_data))

    def update(self, role, validated_data):
        user = self.context["request"].user
        changes.role_edit_check(person=role.person, user=user)
        for name, value in validated_data.items():
            setattr(role, name, value)
        changes.role_edit_check(person=role.person, user=user)
        return services.validated_save(role)


class PartyWriteSerializer(StrictWriteSerializer):
    organisation = EntityRefField(
        queryset=Organisation.objects.all(),
        noun="organisation",
        help_text="Slug of the party.",
    )
    role = serializers.ChoiceField(
        choices=AgreementParty._meta.get_field("role").choices,
        required=False,
        default="signatory",
        help_text="How it takes part.",
    )


class StatusChangeWriteSerializer(StrictWriteSerializer):
    date = bounded_date_field(help_text="When it took effect or was announced.")
    status = serializers.ChoiceField(
        choices=AgreementStatusChange._meta.get_field("status").choices,
        help_text="The status from this date on.",
    )
    party = optional_ref(
        Organisation.objects.all(),
        "organisation",
        "Slug of the party whose move it was.",
    )
    article = optional_ref(
        # The story that reported it, by the link's own model: the registry
        # imports nothing of the stories.
        AgreementStatusChange._meta.get_field("article").related_model.objects.all(),
        "article",
        "Slug of the article that reported it.",
    )
    note = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text="What happened."
    )


class AgreementWriteSerializer(StrictWriteSerializer):
    read_only_keys = frozenset(AgreementSerializer.Meta.fields)
    read_only_reasons = {
        "status": "Derived from the status history: its latest change sets "
        "the current status. Send status_history instead."
    }

    title = serializers.CharField(max_length=300, help_text="Its usual name.")
    slug = slug_write_field("title")
    kind = serializers.ChoiceField(
        choices=Agreement._meta.get_field("kind").choices,
        required=False,
        help_text="Treaty, memorandum, …",
    )
    signed_on = bounded_date_field(
        required=False, allow_null=True, help_text="Date of signature."
    )
    signed_precision = serializers.ChoiceField(
        choices=Agreement._meta.get_field("signed_precision").choices,
        required=False,
        help_text="How much of the signature date is known.",
    )
    scope = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text="What it covers."
    )
    summary = serializers.CharField(
        max_length=20_000, required=False, allow_blank=True, help_text="Summary."
    )
    wikidata_id = wikidata_write_field("Q123")
    parties = PartyWriteSerializer(
        many=True, required=False, help_text="Its parties; replaces the list."
    )
    status_history = StatusChangeWriteSerializer(
        many=True,
        required=False,
        help_text="Dated status changes; replaces the list. The latest sets the "
        "current status.",
    )

    def _save(self, agreement, validated_data, parties, changes):
        return services.agreement_save(
            agreement=agreement,
            parties=(
                None
                if parties is None
                else [(p["organisation"], p.get("role", "signatory")) for p in parties]
            ),
            status_changes=(
                None
                if changes is None
                else [
                    {
                        "status": change["status"],
                        "date": change["date"],
                        "party": change.get("party"),
                        "article": change.get("article"),
                        "note": change.get("note", ""),
                    }
                    for change in changes
                ]
            ),
        )

    def create(self, validated_data):
        parties = validated_data.pop("parties", [])
        changes = validated_data.pop("status_history", [])
        return self._save(Agreement(**validated_data), validated_data, parties, changes)

    def update(self, agreement, validated_data):
        parties = validated_data.pop("parties", None)
        changes = validated_data.pop("status_history", None)
        for name, value in validated_data.items():
            setattr(agreement, name, value)
        return self._save(agreement, validated_data, parties, changes)


class MergeSerializer(StrictWriteSerializer):
    duplicate = serializers.SlugField(
        help_text="Slug of the record to merge into this one (it is deleted)."
    )


class ProposedChangeSerializer(serializers.ModelSerializer):
    """A reporter's edit of a public record, waiting for an editor: the
    record is unchanged until it is approved."""

    detail = serializers.SerializerMethodField(help_text="What happens next.")

    class Meta:
        model = ProposedChange
        fields = ["id", "status", "values", "base_version", "proposed_at", "detail"]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": "The proposed change's id."},
            "status": {"help_text": "pending until an editor decides."},
            "proposed_at": {"help_text": "When it was proposed."},
        }

    def get_detail(self, change) -> str:
        return (
            f"{change.record} appears in published stories, so your change is "
            "waiting for an editor's approval; the record is unchanged until then."
        )
