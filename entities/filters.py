"""One FilterSet per registry resource."""

import django_filters
from django.db.models import Q
from django_countries import countries

from newsdesk import fulltext
from newsdesk.api.filters import (
    ChoiceListFilter,
    DateBoundFilter,
    EntityAllFilter,
    EntityFilter,
    FilterSet,
)

from . import selectors
from .models import (
    Agreement,
    AgreementStatus,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)


def request_user(request):
    return getattr(request, "user", None)


# What a filter value may name: only the records the client may see, so an
# anonymous client cannot probe for unpublished ones.


def visible_people(request):
    return selectors.people_visible(user=request_user(request))


def visible_organisations(request):
    return selectors.organisations_visible(user=request_user(request))


def visible_agreements(request):
    return selectors.agreements_visible(user=request_user(request))


class NameOrAliasFilterSet(FilterSet):
    """People and organisations are searched by name and alias alike."""

    q = django_filters.CharFilter(
        method="search",
        help_text="Part of the name or an alias, or a misspelling of one "
        "(“Rogozn” finds Dmitry Rogozin).",
    )

    def search(self, queryset, name, value):
        return fulltext.names_matching(queryset, value)


class PersonFilter(NameOrAliasFilterSet):
    organisation = EntityFilter(
        field_name="roles__organisation",
        queryset=visible_organisations,
        noun="organisation",
        help_text="People who hold or held a role at any of these organisations "
        "(slugs or Wikidata ids, comma-separated).",
    )

    class Meta:
        model = Person
        fields = []


class OrganisationFilter(NameOrAliasFilterSet):
    kind = ChoiceListFilter(
        choices=OrganisationKind.choices,
        help_text="Kind of organisation; comma-separated for any of several.",
    )
    country = ChoiceListFilter(
        choices=[(code, name) for code, name in countries],
        help_text="ISO 3166-1 alpha-2 country code, e.g. RU; comma-separated for "
        "any of several.",
    )
    parent = EntityFilter(
        queryset=visible_organisations,
        noun="organisation",
        help_text="Direct sub-organisations of these organisations (slugs or "
        "Wikidata ids).",
    )

    class Meta:
        model = Organisation
        fields = []


class AgreementFilter(FilterSet):
    party = EntityAllFilter(
        field_name="parties__organisation",
        queryset=visible_organisations,
        noun="organisation",
        help_text="Agreements to which this organisation is a party. Repeat the "
        "parameter to require every one (party=china&party=russia); a "
        "comma-separated value means any of them.",
    )
    status = ChoiceListFilter(
        field_name="visible_status",
        choices=AgreementStatus.choices,
        help_text="Current status; comma-separated for any of several.",
    )
    signed_after = DateBoundFilter(
        field_name="signed_on",
        on_or_after=True,
        help_text="Signed on or after this date (YYYY-MM-DD).",
    )
    signed_before = DateBoundFilter(
        field_name="signed_on",
        on_or_after=False,
        help_text="Signed on or before this date (YYYY-MM-DD).",
    )
    q = django_filters.CharFilter(
        method="search", help_text="Words in the title, scope or summary."
    )

    class Meta:
        model = Agreement
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(scope__icontains=value)
            | Q(summary__icontains=value)
        )


class RoleFilter(FilterSet):
    person = EntityFilter(
        queryset=visible_people,
        noun="person",
        help_text="Roles of any of these people (slugs or Wikidata ids).",
    )
    organisation = EntityFilter(
        queryset=visible_organisations,
        noun="organisation",
        help_text="Roles held at any of these organisations.",
    )

    class Meta:
        model = Role
        fields = []
