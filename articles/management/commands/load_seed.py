"""Load the reference story (``seeds/reference-story.json``) through the same
services editors use.

Idempotent: a record that already exists (matched by slug, or by its natural
key for roles, parties, quotes and status changes) is left exactly as it is,
so running it again changes nothing, and an editor's later corrections to a
seeded record are never overwritten.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from articles import services as article_services
from articles.models import Article, Quote
from articles.text import clean_quote_text, fold
from entities import services as entity_services
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    Person,
    Role,
)

DEFAULT_SEED = Path(settings.BASE_DIR) / "seeds" / "reference-story.json"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class SeedLoader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.created: Counter[str] = Counter()
        self.existing: Counter[str] = Counter()

    def _count(self, label: str, created: bool) -> None:
        (self.created if created else self.existing)[label] += 1

    def load(self, data: dict) -> None:
        for item in data.get("people", []):
            self.person(item)
        for item in data.get("organisations", []):
            self.organisation(item)
        for item in data.get("roles", []):
            self.role(item)
        for item in data.get("agreements", []):
            self.agreement(item)
        for item in data.get("articles", []):
            self.article(item)
        for item in data.get("status_changes", []):
            self.status_change(item)

    def person(self, item: dict) -> None:
        slug = item.get("slug") or ""
        found = Person.objects.filter(slug=slug or slugify(item["name"])).first()
        if found is None:
            entity_services.person_create(
                name=item["name"],
                slug=slug,
                description=item.get("description", ""),
                wikidata_id=item.get("wikidata_id", ""),
                aliases=item.get("aliases", []),
            )
        self._count("people", found is None)

    def organisation(self, item: dict) -> None:
        slug = item.get("slug") or ""
        found = Organisation.objects.filter(slug=slug or slugify(item["name"])).first()
        if found is None:
            parent = item.get("parent")
            entity_services.organisation_create(
                name=item["name"],
                slug=slug,
                kind=item["kind"],
                country=item.get("country", ""),
                parent=Organisation.objects.get(slug=parent) if parent else None,
                description=item.get("description", ""),
                wikidata_id=item.get("wikidata_id", ""),
                aliases=item.get("aliases", []),
            )
        self._count("organisations", found is None)

    def role(self, item: dict) -> None:
        person = Person.objects.get(slug=item["person"])
        organisation = Organisation.objects.get(slug=item["organisation"])
        found = Role.objects.filter(
            person=person, organisation=organisation, title=item["title"]
        ).exists()
        if not found:
            entity_services.role_create(
                person=person,
                organisation=organisation,
                title=item["title"],
                start_date=_date(item.get("start_date")),
                end_date=_date(item.get("end_date")),
            )
        self._count("roles", not found)

    def agreement(self, item: dict) -> None:
        agreement = Agreement.objects.filter(
            slug=item.get("slug") or slugify(item["title"])
        ).first()
        self._count("agreements", agreement is None)
        if agreement is None:
            agreement = entity_services.agreement_create(
                title=item["title"],
                slug=item.get("slug", ""),
                kind=item["kind"],
                signed_on=_date(item.get("signed_on")),
                signed_precision=item.get("signed_precision", "day"),
                scope=item.get("scope", ""),
                summary=item.get("summary", ""),
                status=item.get("status", "proposed"),
                wikidata_id=item.get("wikidata_id", ""),
            )
        for party in item.get("parties", []):
            organisation = Organisation.objects.get(slug=party["organisation"])
            found = AgreementParty.objects.filter(
                agreement=agreement, organisation=organisation
            ).exists()
            if not found:
                entity_services.agreement_party_add(
                    agreement=agreement,
                    organisation=organisation,
                    role=party.get("role", "signatory"),
                )
            self._count("agreement parties", not found)

    def article(self, item: dict) -> None:
        body = item.get("body")
        if body is None:
            body = (self.folder / item["body_file"]).read_text(encoding="utf-8")
        article = Article.objects.filter(
            slug=item.get("slug") or slugify(item["headline"])
        ).first()
        self._count("articles", article is None)
        if article is None:
            published_at = item.get("published_at")
            article = article_services.article_create(
                headline=item["headline"],
                slug=item.get("slug", ""),
                standfirst=item.get("standfirst", ""),
                body=body,
                source=_organisation(item.get("source")),
                source_url=item.get("source_url", ""),
                language=item.get("language", "en"),
                status=item.get("status", "draft"),
                published_at=(
                    datetime.datetime.fromisoformat(published_at)
                    if published_at
                    else None
                ),
            )
        for quote in item.get("quotes", []):
            self.quote(article, quote)
        mentions = item.get("mentions", {})
        for key, model in (
            ("people", Person),
            ("organisations", Organisation),
            ("agreements", Agreement),
        ):
            field = model._meta.model_name
            for mention in mentions.get(key, []):
                entity = model.objects.get(slug=mention[field])
                existed = getattr(article, key).filter(pk=entity.pk).exists()
                article_services.article_mention_add(
                    article=article, entity=entity, about=mention.get("about", False)
                )
                self._count("mentions", not existed)

    def quote(self, article: Article, item: dict) -> None:
        speaker = Person.objects.get(slug=item["speaker"])
        wanted = fold(clean_quote_text(item["text"]))
        found = any(
            fold(text) == wanted
            for text in Quote.objects.filter(
                article=article, speaker=speaker, kind=item["kind"]
            ).values_list("text", flat=True)
        )
        if not found:
            article_services.quote_create(
                article=article,
                text=item["text"],
                kind=item["kind"],
                speaker=speaker,
                organisation=_organisation(item.get("organisation")),
                outlet=_organisation(item.get("outlet")),
                cue=item.get("cue", ""),
                said_on=_date(item.get("said_on")),
            )
        self._count("quotes", not found)

    def status_change(self, item: dict) -> None:
        agreement = Agreement.objects.get(slug=item["agreement"])
        date = _date(item["date"])
        found = AgreementStatusChange.objects.filter(
            agreement=agreement, status=item["status"], date=date
        ).exists()
        if not found:
            entity_services.agreement_status_change_record(
                agreement=agreement,
                status=item["status"],
                date=date,
                party=_organisation(item.get("party")),
                article=(
                    Article.objects.get(slug=item["article"])
                    if item.get("article")
                    else None
                ),
                note=item.get("note", ""),
            )
        self._count("status changes", not found)


def _organisation(slug: str | None) -> Organisation | None:
    return Organisation.objects.get(slug=slug) if slug else None


class Command(BaseCommand):
    help = "Load the reference story (or another seed file) into the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=str(DEFAULT_SEED),
            help="Seed file to load (default: seeds/reference-story.json).",
        )

    def handle(self, *args, path: str, **options):
        seed = Path(path)
        try:
            data = json.loads(seed.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read seed file {seed}: {error}") from error
        loader = SeedLoader(seed.parent)
        try:
            with transaction.atomic():
                loader.load(data)
        except ValidationError as error:
            raise CommandError(f"The seed file is invalid: {error}") from error
        except (KeyError, ObjectDoesNotExist) as error:
            raise CommandError(
                f"The seed file lacks a field or refers to a missing record: {error}"
            ) from error
        labels = sorted(set(loader.created) | set(loader.existing))
        self.stdout.write(f"Loaded {seed.name}:")
        for label in labels:
            self.stdout.write(
                f"  {label}: {loader.created[label]} created, "
                f"{loader.existing[label]} already present"
            )
        if not loader.created:
            self.stdout.write(self.style.SUCCESS("Nothing new: the seed was loaded."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Created {loader.created.total()} records.")
            )
