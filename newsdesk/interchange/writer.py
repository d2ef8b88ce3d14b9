"""Writing the whole newsroom (people, organisations, roles, agreements,
articles with their quotes and mentions, merge records) as one file in the
interchange format (``format.py``; ``docs/export-format.md``).

The output is deterministic: keys are sorted and records come in a stable
order (people, organisations, agreements and articles by slug, an article's
authors and mentions by the slug they name, everything else by id), so
exporting the same data twice gives byte-identical files. Records are
streamed in chunks with their relations prefetched, so memory and the number
of queries stay flat however many articles there are. They are written as
plain dicts rather than through the schema's models, which would cost a
model per quote; the suite checks the output against the JSON Schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from django.db import connection, models, transaction

from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
)
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    MergeRecord,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)

from .format import FORMAT, FORMAT_VERSION, date_text, datetime_text
from .progress import Progress

# Rows fetched per query when streaming; each chunk of articles costs one
# query per prefetched relation.
CHUNK_SIZE = 1000


class Exporter:
    def __init__(self, progress: Progress | None = None):
        self.progress = progress
        self.person_slugs: dict[int, str] = {}
        self.organisation_slugs: dict[int, str] = {}
        self.agreement_slugs: dict[int, str] = {}
        self.article_slugs: dict[int, str] = {}

    def counts(self) -> dict[str, int]:
        return {
            "people": Person.objects.count(),
            "organisations": Organisation.objects.count(),
            "roles": Role.objects.count(),
            "agreements": Agreement.objects.count(),
            "articles": Article.objects.count(),
            "merge_records": MergeRecord.objects.count(),
        }

    def load_slugs(self) -> None:
        """id → slug of every slugged record: one narrow query each, so the
        references below cost no joins."""
        for model, target in (
            (Person, self.person_slugs),
            (Organisation, self.organisation_slugs),
            (Agreement, self.agreement_slugs),
            (Article, self.article_slugs),
        ):
            target.update(
                model.objects.order_by().values_list("id", "slug").iterator(CHUNK_SIZE)
            )

    def sections(self) -> dict[str, Iterable[dict] | object]:
        """The top-level keys and their values; lists are generators."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "people": self._counted(self.people()),
            "organisations": self._counted(self.organisations()),
            "roles": self._counted(self.roles()),
            "agreements": self._counted(self.agreements()),
            "articles": self._counted(self.articles()),
            "merge_records": self._counted(self.merge_records()),
        }

    def _counted(self, records: Iterator[dict]) -> Iterator[dict]:
        for record in records:
            yield record
            if self.progress is not None:
                self.progress.advance()

    def _slug(self, slugs: dict[int, str], pk: int | None) -> str | None:
        return slugs[pk] if pk is not None else None

    def people(self) -> Iterator[dict]:
        queryset = Person.objects.order_by("slug").prefetch_related(
            models.Prefetch("aliases", PersonAlias.objects.order_by("id"))
        )
        for person in queryset.iterator(CHUNK_SIZE):
            yield {
                "id": person.id,
                "slug": person.slug,
                "name": person.name,
                "description": person.description,
                "wikidata_id": person.wikidata_id,
                "version": person.version,
                "created_at": datetime_text(person.created_at),
                "updated_at": datetime_text(person.updated_at),
                "aliases": [
                    {"id": alias.id, "name": alias.name}
                    for alias in person.aliases.all()
                ],
            }

    def organisations(self) -> Iterator[dict]:
        queryset = Organisation.objects.order_by("slug").prefetch_related(
            models.Prefetch("aliases", OrganisationAlias.objects.order_by("id"))
        )
        for organisation in queryset.iterator(CHUNK_SIZE):
            yield {
                "id": organisation.id,
                "slug": organisation.slug,
                "name": organisation.name,
                "kind": organisation.kind,
                "country": organisation.country.code or "",
                "parent": self._slug(self.organisation_slugs, organisation.parent_id),
                "description": organisation.description,
                "wikidata_id": organisation.wikidata_id,
                "version": organisation.version,
                "created_at": datetime_text(organisation.created_at),
                "updated_at": datetime_text(organisation.updated_at),
                "aliases": [
                    {"id": alias.id, "name": alias.name}
                    for alias in organisation.aliases.all()
                ],
            }

    def roles(self) -> Iterator[dict]:
        for role in Role.objects.order_by("id").iterator(CHUNK_SIZE):
            yield {
                "id": role.id,
                "person": self.person_slugs[role.person_id],
                "organisation": self.organisation_slugs[role.organisation_id],
                "title": role.title,
                "start_date": date_text(role.start_date),
                "end_date": date_text(role.end_date),
            }

    def agreements(self) -> Iterator[dict]:
        queryset = Agreement.objects.order_by("slug").prefetch_related(
            models.Prefetch("parties", AgreementParty.objects.order_by("id")),
            models.Prefetch(
                "status_changes", AgreementStatusChange.objects.order_by("id")
            ),
        )
        organisation = self.organisation_slugs
        for agreement in queryset.iterator(CHUNK_SIZE):
            yield {
                "id": agreement.id,
                "slug": agreement.slug,
                "title": agreement.title,
                "kind": agreement.kind,
                "signed_on": date_text(agreement.signed_on),
                "signed_precision": agreement.signed_precision,
                "scope": agreement.scope,
                "summary": agreement.summary,
                "status": agreement.status,
                "wikidata_id": agreement.wikidata_id,
                "version": agreement.version,
                "created_at": datetime_text(agreement.created_at),
                "updated_at": datetime_text(agreement.updated_at),
                "parties": [
                    {
                        "id": party.id,
                        "organisation": organisation[party.organisation_id],
                        "role": party.role,
                    }
                    for party in agreement.parties.all()
                ],
                "status_changes": [
                    {
                        "id": change.id,
                        "status": change.status,
                        "date": date_text(change.date),
                        "party": self._slug(organisation, change.party_id),
                        "article": self._slug(self.article_slugs, change.article_id),
                        "note": change.note,
                    }
                    for change in agreement.status_changes.all()
                ],
            }

    def articles(self) -> Iterator[dict]:
        queryset = Article.objects.order_by("slug").prefetch_related(
            models.Prefetch("authors", Person.objects.only("id")),
            models.Prefetch("quotes", Quote.objects.order_by("id")),
            models.Prefetch("articleperson_set", ArticlePerson.objects.order_by()),
            models.Prefetch(
                "articleorganisation_set", ArticleOrganisation.objects.order_by()
            ),
            models.Prefetch(
                "articleagreement_set", ArticleAgreement.objects.order_by()
            ),
        )
        people, organisations = self.person_slugs, self.organisation_slugs
        agreements = self.agreement_slugs
        for article in queryset.iterator(CHUNK_SIZE):
            yield {
                "id": article.id,
                "slug": article.slug,
                "headline": article.headline,
                "standfirst": article.standfirst,
                "body": article.body,
                "authors": sorted(
                    people[person.id] for person in article.authors.all()
                ),
                "source": self._slug(organisations, article.source_id),
                "source_url": article.source_url,
                "language": article.language,
                "status": article.status,
                "published_at": datetime_text(article.published_at),
                "version": article.version,
                "created_at": datetime_text(article.created_at),
                "updated_at": datetime_text(article.updated_at),
                "mentions": {
                    "people": _mentions(
                        article.articleperson_set.all(), "person", people
                    ),
                    "organisations": _mentions(
                        article.articleorganisation_set.all(),
                        "organisation",
                        organisations,
                    ),
                    "agreements": _mentions(
                        article.articleagreement_set.all(), "agreement", agreements
                    ),
                },
                "quotes": [
                    {
                        "id": quote.id,
                        "text": quote.text,
                        "kind": quote.kind,
                        "speaker": people.get(quote.speaker_id),
                        # Only for an unnamed source, so that files without
                        # one read as before.
                        **(
                            {"source_description": quote.source_description}
                            if quote.source_description
                            else {}
                        ),
                        "organisation": self._slug(
                            organisations, quote.organisation_id
                        ),
                        "outlet": self._slug(organisations, quote.outlet_id),
                        "cue": quote.cue,
                        "said_on": date_text(quote.said_on),
                        "start": quote.start,
                        "end": quote.end,
                        "created_at": datetime_text(quote.created_at),
                        "updated_at": datetime_text(quote.updated_at),
                    }
                    for quote in article.quotes.all()
                ],
            }

    def merge_records(self) -> Iterator[dict]:
        queryset = MergeRecord.objects.order_by("id").select_related("merged_by")
        for record in queryset.iterator(CHUNK_SIZE):
            user = record.merged_by
            yield {
                "id": record.id,
                "kind": record.kind,
                "old_id": record.old_id,
                "old_slug": record.old_slug,
                "old_name": record.old_name,
                "survivor_person": self._slug(
                    self.person_slugs, record.survivor_person_id
                ),
                "survivor_organisation": self._slug(
                    self.organisation_slugs, record.survivor_organisation_id
                ),
                "summary": record.summary,
                "merged_at": datetime_text(record.merged_at),
                "merged_by": user.get_username() if user is not None else None,
            }


def _mentions(rows, field: str, slugs: dict[int, str]) -> list[dict]:
    """An article's mentions of one kind, ordered by the entity's slug (an
    article mentions an entity at most once)."""
    items = [
        {"id": row.id, field: slugs[getattr(row, f"{field}_id")], "about": row.about}
        for row in rows
    ]
    return sorted(items, key=lambda item: item[field])


def encode(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_json(out, sections: dict) -> None:
    """Write ``sections`` as one JSON object, keys sorted, one record per
    line, pulling records from the generators as it goes."""
    out.write("{\n")
    for number, key in enumerate(sorted(sections)):
        value = sections[key]
        out.write(f"{encode(key)}: ")
        if isinstance(value, str | int):
            out.write(encode(value))
        else:
            out.write("[")
            first = True
            for record in value:
                out.write("\n  " if first else ",\n  ")
                out.write(encode(record))
                first = False
            out.write("]" if first else "\n]")
        out.write(",\n" if number < len(sections) - 1 else "\n")
    out.write("}\n")


# Singular and plural of each top-level list, for the summary.
NOUNS = {
    "people": ("person", "people"),
    "organisations": ("organisation", "organisations"),
    "roles": ("role", "roles"),
    "agreements": ("agreement", "agreements"),
    "articles": ("article", "articles"),
    "merge_records": ("merge record", "merge records"),
}


class _Text:
    """What ``write_json`` writes to, given the function that writes."""

    def __init__(self, write: Callable[[str], object]):
        self.write = write


def export(write: Callable[[str], object], *, stderr, show: bool) -> dict[str, int]:
    """Write the whole newsroom through ``write`` from one consistent
    snapshot; returns how many records of each list were written."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for all the queries below, so a save during the
            # export cannot leave a dangling reference in the file. (Inside
            # a caller's transaction its isolation level is kept.)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                )
        exporter = Exporter()
        counts = exporter.counts()
        exporter.progress = Progress(
            stderr, total=sum(counts.values()), label="Exporting", enabled=show
        )
        exporter.load_slugs()
        write_json(_Text(write), exporter.sections())
        exporter.progress.close()
    return counts


def summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {NOUNS[key][n != 1]}" for key, n in counts.items())
