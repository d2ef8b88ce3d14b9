"""One FilterSet per story resource."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from rest_framework.exceptions import PermissionDenied

from entities.filters import (
    request_user,
    visible_agreements,
    visible_organisations,
    visible_people,
)
from entities.models import Organisation, Person, PersonAlias
from newsdesk import fulltext
from newsdesk.api.filters import (
    ChoiceListFilter,
    DateBoundFilter,
    EntityFilter,
    EntityListField,
    FilterSet,
    Named,
    Unresolved,
)
from newsdesk.core.audience import can_see_unpublished

from .models import Article, ArticleStatus, Quote, QuoteKind, language_choices
from .selectors import articles_visible

# A search word found in more speakers' names than this is not a name.
SPEAKER_MATCH_LIMIT = 50


def visible_articles(request):
    return articles_visible(user=request_user(request))


class ArticleFilter(FilterSet):
    status = ChoiceListFilter(
        choices=ArticleStatus.choices,
        help_text="Editorial status, comma-separated for any of several. Editors "
        "only: anonymous clients see published articles alone.",
    )
    published_after = DateBoundFilter(
        field_name="published_at",
        on_or_after=True,
        help_text="Published on or after this date (YYYY-MM-DD, UTC).",
    )
    published_before = DateBoundFilter(
        field_name="published_at",
        on_or_after=False,
        help_text="Published on or before this date (YYYY-MM-DD, UTC).",
    )
    person = EntityFilter(
        field_name="people",
        queryset=visible_people,
        noun="person",
        help_text="Articles mentioning any of these people (slugs or Wikidata "
        "ids, comma-separated).",
    )
    organisation = EntityFilter(
        field_name="organisations",
        queryset=visible_organisations,
        noun="organisation",
        help_text="Articles mentioning any of these organisations.",
    )
    agreement = EntityFilter(
        field_name="agreements",
        queryset=visible_agreements,
        noun="agreement",
        help_text="Articles mentioning any of these agreements.",
    )
    source = EntityFilter(
        queryset=visible_organisations,
        noun="organisation",
        help_text="Articles published by any of these outlets.",
    )
    language = ChoiceListFilter(
        choices=language_choices(),
        help_text="Language code (e.g. en); comma-separated for any of several.",
    )
    q = django_filters.CharFilter(
        method="search", help_text="Words in the headline, standfirst or body."
    )

    class Meta:
        model = Article
        fields = []

    def filter_queryset(self, queryset):
        status = self.form.cleaned_data.get("status")
        if status and not can_see_unpublished(request_user(self.request)):
            if set(status) != {ArticleStatus.PUBLISHED}:
                raise PermissionDenied(
                    {"status": ["Only editors can filter by unpublished statuses."]}
                )
        return super().filter_queryset(queryset)

    def search(self, queryset, name, value):
        return fulltext.articles_matching(queryset, value)


class UnresolvedOrganisationTree(Unresolved):
    """Organisations named by slug or Wikidata id, resolved with every
    organisation below them in the same query, so the quotes are filtered by
    a list of ids: a recursive subquery inside the page's query (and again in
    its count) cost more to plan and run than the page itself."""

    @staticmethod
    def _below(name: str) -> str:
        return f"{name} below"

    def queries(self, name: str) -> list:
        roots = self.named().values("pk")
        sql, params = roots.query.get_compiler(using=roots.db).as_sql()
        table = Organisation._meta.db_table
        below = RawSQL(  # noqa: S611 - the ORM's own SQL and parameters
            f"WITH RECURSIVE tree(id) AS ({sql} UNION SELECT child.id "  # noqa: S608
            f'FROM "{table}" child JOIN tree ON child.parent_id = tree.id) '
            "SELECT id FROM tree",
            params,
        )
        tree = Organisation._base_manager.filter(pk__in=below)
        return [self.query(name), self.rows(tree, self._below(name))]

    def resolved(self, found: list[Named], more: dict[str, list[Named]]):
        """The organisations named and every one below them, once each."""
        named = super().resolved(found, more)
        below = more.get(self._below(self.name), [])
        return list({record.pk: record for record in [*named, *below]}.values())


class OrganisationTreeField(EntityListField):
    unresolved_class = UnresolvedOrganisationTree


class OrganisationTreeFilter(EntityFilter):
    """Organisations by slug or Wikidata id, sub-organisations included."""

    field_class = OrganisationTreeField


class QuoteFilter(FilterSet):
    speaker = EntityFilter(
        queryset=visible_people,
        noun="person",
        help_text="Quotes by any of these people (slugs or Wikidata ids, "
        "comma-separated).",
    )
    organisation = OrganisationTreeFilter(
        method="filter_organisation",
        queryset=visible_organisations,
        noun="organisation",
        help_text="Quotes by people speaking for any of these organisations or "
        "their sub-organisations (a Roscosmos official counts for Russia).",
    )
    outlet = EntityFilter(
        queryset=visible_organisations,
        noun="organisation",
        help_text="Quotes given to any of these outlets (“told TASS”).",
    )
    article = EntityFilter(
        queryset=visible_articles,
        noun="article",
        help_text="Quotes in any of these articles (slugs, comma-separated).",
    )
    kind = ChoiceListFilter(
        choices=QuoteKind.choices,
        help_text="direct, partial or indirect; comma-separated for any of several.",
    )
    unnamed = django_filters.BooleanFilter(
        field_name="speaker",
        lookup_expr="isnull",
        help_text="true: only quotes from unnamed sources (no speaker named); "
        "false: only quotes with a named speaker.",
    )
    source_description = django_filters.CharFilter(
        lookup_expr="icontains",
        help_text="Unnamed sources whose description holds these words "
        "(“spokesman”, “officials”).",
    )
    said_after = DateBoundFilter(
        field_name="said_on",
        on_or_after=True,
        help_text="Said on or after this date (YYYY-MM-DD).",
    )
    said_before = DateBoundFilter(
        field_name="said_on",
        on_or_after=False,
        help_text="Said on or before this date (YYYY-MM-DD).",
    )
    q = django_filters.CharFilter(
        method="search", help_text="Words in the quote or the speaker's name."
    )

    class Meta:
        model = Quote
        fields = []

    def filter_organisation(self, queryset, name, value):
        if not value:
            return queryset
        # ``value`` holds the organisations below the named ones too
        # (``UnresolvedOrganisationTree``).
        return queryset.filter(organisation__in=[record.pk for record in value])

    def search(self, queryset, name, value):
        # The speakers whose name or alias holds the words, looked up first
        # (a small table) so each side of the OR can use its own index. The
        # aliases as EXISTS: joined, every person was matched once per alias
        # and then sorted to drop the repeats.
        aliases = PersonAlias.objects.filter(
            person=OuterRef("pk"), name__icontains=value
        )
        speakers = (
            Person.objects.filter(Q(name__icontains=value) | Exists(aliases))
            .order_by("name", "pk")
            .values_list("pk", flat=True)[:SPEAKER_MATCH_LIMIT]
        )
        return fulltext.quotes_matching(queryset, value, speaker_ids=list(speakers))
