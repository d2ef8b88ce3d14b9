"""The registry as the engine's gazetteer: the names and aliases of every
person, organisation and agreement the newsroom knows, read from the
database. The gazetteer itself (matching names in text) is Django-free and
lives in ``articles.extraction.engine.gazetteer``."""

from __future__ import annotations

from .engine.gazetteer import (
    AGREEMENT,
    ORGANISATION,
    PERSON,
    WORD_RE,
    KnownEntity,
    Match,
)
from .engine.gazetteer import Gazetteer as _Gazetteer

__all__ = [
    "AGREEMENT",
    "ORGANISATION",
    "PERSON",
    "WORD_RE",
    "Gazetteer",
    "KnownEntity",
    "Match",
]


class Gazetteer(_Gazetteer):
    """The engine's gazetteer, which can also be read from the registry."""

    @classmethod
    def from_registry(cls) -> Gazetteer:
        """From the registry in the database: one query per table."""
        from entities.models import (
            Agreement,
            AgreementParty,
            Organisation,
            OrganisationAlias,
            Person,
            PersonAlias,
        )

        person_aliases: dict[int, list[str]] = {}
        for person_id, name in PersonAlias.objects.values_list("person_id", "name"):
            person_aliases.setdefault(person_id, []).append(name)
        org_aliases: dict[int, list[str]] = {}
        for org_id, name in OrganisationAlias.objects.values_list(
            "organisation_id", "name"
        ):
            org_aliases.setdefault(org_id, []).append(name)
        parties: dict[int, list[str]] = {}
        for agreement_id, slug in AgreementParty.objects.values_list(
            "agreement_id", "organisation__slug"
        ):
            parties.setdefault(agreement_id, []).append(slug)
        return cls(
            people=[
                KnownEntity(
                    name=name,
                    aliases=tuple(person_aliases.get(pk, ())),
                    id=pk,
                    slug=slug,
                )
                for pk, slug, name in Person.objects.values_list("pk", "slug", "name")
            ],
            organisations=[
                KnownEntity(
                    name=name,
                    aliases=tuple(org_aliases.get(pk, ())),
                    id=pk,
                    slug=slug,
                    kind=kind,
                )
                for pk, slug, name, kind in Organisation.objects.values_list(
                    "pk", "slug", "name", "kind"
                )
            ],
            agreements=[
                KnownEntity(
                    name=title,
                    id=pk,
                    slug=slug,
                    year=signed_on.year if signed_on else None,
                    parties=tuple(parties.get(pk, ())),
                )
                for pk, slug, title, signed_on in Agreement.objects.values_list(
                    "pk", "slug", "title", "signed_on"
                )
            ],
        )
