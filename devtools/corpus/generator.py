"""``Corpus``: one run of the generator, from its seed to the rows the
database receives (see the package docstring for what a run contains and the
rules its rows obey)."""

from __future__ import annotations

import datetime
import random

from .agreements import AgreementPlanner
from .quotes import QuoteWriter
from .records import (
    Article,
    Batch,
    Deal,
    Human,
    Org,
    PlannedArticle,
    Slugs,
    WikidataIds,
)
from .registry import RegistryBuilder
from .stories import StoryWriter
from .words import ARCHIVE_YEARS, OPEN_END, STATES, UTC


class Corpus(RegistryBuilder, AgreementPlanner, StoryWriter, QuoteWriter):
    """Everything a run generates; see the module docstring."""

    def __init__(
        self,
        *,
        seed: int,
        articles: int,
        quotes_per_article: int = 10,
        as_of: datetime.date,
        taken_wikidata: dict[str, set[str]] | None = None,
    ):
        taken = taken_wikidata or {}
        self.seed = seed
        self.article_count = articles
        self.quotes_per_article = quotes_per_article
        low = max(1, round(quotes_per_article / 2))
        self.quote_range = (low, max(low, 2 * quotes_per_article - low))
        self.as_of = as_of
        self.now = datetime.datetime.combine(as_of, datetime.time(), UTC)
        self.archive_start = self.now - datetime.timedelta(days=365 * ARCHIVE_YEARS)
        self.as_of_ordinal = as_of.toordinal()
        self.prefix = f"gen-{seed}-"
        self.slugs = {
            "person": Slugs(self.prefix),
            "organisation": Slugs(self.prefix),
            "agreement": Slugs(self.prefix),
        }
        self.wikidata = {
            model: WikidataIds(taken.get(model, set()))
            for model in ("person", "organisation", "agreement")
        }
        self.organisations: list[Org] = []
        self.people: list[Human] = []
        self.deals: list[Deal] = []
        self.plan: list[PlannedArticle] = []
        self.base_ids = {"person": 0, "organisation": 0, "agreement": 0, "article": 0}

    # -- sizes

    @property
    def speaker_count(self) -> int:
        return max(50, self.article_count // 50)

    @property
    def reporter_count(self) -> int:
        return max(12, self.article_count // 1000)

    @property
    def state_count(self) -> int:
        return min(len(STATES), max(12, self.article_count // 2000))

    @property
    def agreement_count(self) -> int:
        return max(10, self.article_count // 500)

    # -- building

    def build(self) -> None:
        """The registry and the publication plan (no database access)."""
        # Not for security: reproducible test data.
        rng = random.Random(f"{self.seed}/registry")  # noqa: S311
        self._organisations(rng)
        self._people(rng)
        self._deals(rng)
        self._plan(random.Random(f"{self.seed}/plan"))  # noqa: S311
        self._cite_reports(random.Random(f"{self.seed}/reports"))  # noqa: S311
        self._prepare_sampling()

    def counts(self) -> dict[str, int]:
        return {
            "person": len(self.people),
            "organisation": len(self.organisations),
            "agreement": len(self.deals),
            "article": self.article_count,
        }

    def assign_ids(self, first: dict[str, int]) -> None:
        """Give the records their ids: ``first[model]`` and on."""
        self.base_ids = dict(first)
        for records, key in (
            (self.people, "person"),
            (self.organisations, "organisation"),
            (self.deals, "agreement"),
        ):
            for n, record in enumerate(records):
                record.id = first[key] + n

    def article_id(self, number: int) -> int:
        return self.base_ids["article"] + number

    # -- registry rows (dicts of model field values, by attname)

    def organisation_rows(self) -> list[dict]:
        return [
            {
                "id": o.id,
                "slug": o.slug,
                "name": o.name,
                "kind": o.kind,
                "country": o.country,
                "parent_id": o.parent.id if o.parent else None,
                "description": o.description,
                "wikidata_id": o.wikidata_id,
                "version": o.version,
                "created_at": o.created_at,
                "updated_at": o.updated_at,
            }
            for o in self.organisations
        ]

    def organisation_alias_rows(self) -> list[dict]:
        return [
            {"organisation_id": o.id, "name": alias}
            for o in self.organisations
            for alias in o.aliases
        ]

    def person_rows(self) -> list[dict]:
        return [
            {
                "id": p.id,
                "slug": p.slug,
                "name": p.name,
                "description": p.description,
                "wikidata_id": p.wikidata_id,
                "version": p.version,
                "created_at": p.created_at,
                "updated_at": p.updated_at,
            }
            for p in self.people
        ]

    def person_alias_rows(self) -> list[dict]:
        return [
            {"person_id": p.id, "name": alias}
            for p in self.people
            for alias in p.aliases
        ]

    def role_rows(self) -> list[dict]:
        def day(ordinal: int):
            if ordinal in (0, OPEN_END):
                return None
            return datetime.date.fromordinal(ordinal)

        return [
            {
                "person_id": p.id,
                "organisation_id": r.org.id,
                "title": r.title,
                "start_date": day(r.start),
                "end_date": day(r.end),
            }
            for p in self.people
            for r in p.roles
        ]

    def agreement_rows(self) -> list[dict]:
        return [
            {
                "id": d.id,
                "slug": d.slug,
                "title": d.title,
                "kind": d.kind,
                "signed_on": d.signed_on,
                "signed_precision": d.signed_precision,
                "scope": d.scope,
                "summary": d.summary,
                "status": d.status,
                "wikidata_id": d.wikidata_id,
                "version": d.version,
                "created_at": d.created_at,
                "updated_at": d.updated_at,
            }
            for d in self.deals
        ]

    def party_rows(self) -> list[dict]:
        return [
            {"agreement_id": d.id, "organisation_id": o.id, "role": role}
            for d in self.deals
            for o, role in d.parties
        ]

    def status_change_rows(self) -> list[dict]:
        return [
            {
                "agreement_id": d.id,
                "status": c.status,
                "date": c.date,
                "party_id": c.party.id if c.party else None,
                "article_id": None if c.article is None else self.article_id(c.article),
                "note": c.note,
            }
            for d in self.deals
            for c in d.changes
        ]

    # -- articles

    def batches(self, size: int):
        """The articles in batches of ``size``, in order."""
        rng = random.Random()  # noqa: S311
        for first in range(0, self.article_count, size):
            batch = Batch()
            for number in range(first, min(first + size, self.article_count)):
                rng.seed(f"{self.seed}/article/{number}")
                self._article(Article(self, rng, number), batch)
            yield batch
