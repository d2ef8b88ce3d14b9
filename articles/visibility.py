"""What makes registry records public, as the stories see it.

A published story makes public (entities/visibility.py keeps the times)
  a person        by quoting them, mentioning them or carrying their byline;
  an agreement    by mentioning it or reporting one of its status changes;
  an organisation by mentioning it, being the organisation or outlet of a
                  quote, or publishing the story (its source).
(An organisation is also public through a public agreement it is a party to:
that rule is the registry's own.)

This module lives on the stories' side because every rule reads articles;
``register`` hands the rules to the registry at start-up
(``ArticlesConfig.ready``), so the registry needs to import nothing of the
stories. The services call ``entities.visibility.refresh`` with what
``named_by`` returns after each write that changes what a story names.
"""

from __future__ import annotations

from entities.models import AgreementStatusChange
from entities.visibility import Source
from entities.visibility import register as register_sources

from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
    published_q,
)


def _published_rows(model):
    """Rows of ``model`` whose story is published, for any time: each makes
    its record public from the story's publication time."""
    return lambda: model.objects.filter(published_q("article__", scheduled=True))


def _published_articles():
    return Article.objects.published(scheduled=True)


def _quotes():
    # A quote carries its story's public_from (empty unless published).
    return Quote.objects.all()


SOURCES = (
    Source("people", _quotes, "speaker", "public_from"),
    Source("people", _published_rows(ArticlePerson), "person", "article__published_at"),
    Source("people", _published_articles, "authors", "published_at"),
    Source(
        "agreements",
        _published_rows(ArticleAgreement),
        "agreement",
        "article__published_at",
    ),
    Source(
        "agreements",
        _published_rows(AgreementStatusChange),
        "agreement",
        "article__published_at",
    ),
    Source(
        "organisations",
        _published_rows(ArticleOrganisation),
        "organisation",
        "article__published_at",
    ),
    Source("organisations", _quotes, "organisation", "public_from"),
    Source("organisations", _quotes, "outlet", "public_from"),
    Source("organisations", _published_articles, "source", "published_at"),
)


def register() -> None:
    register_sources(*SOURCES)


def named_by(article: Article, *, old_source_id: int | None = None) -> dict[str, set]:
    """The records ``article`` names, as ``entities.visibility.refresh``
    arguments (with the source it had before, if that changed)."""
    speakers, quote_orgs = set(), set()
    links = article.quotes.values_list("speaker_id", "organisation_id", "outlet_id")
    for speaker, organisation, outlet in links:
        speakers.add(speaker)
        quote_orgs |= {organisation, outlet}
    people = set(article.articleperson_set.values_list("person_id", flat=True))
    people |= set(article.authors.values_list("pk", flat=True))
    organisations = set(
        article.articleorganisation_set.values_list("organisation_id", flat=True)
    )
    agreements = set(
        article.articleagreement_set.values_list("agreement_id", flat=True)
    )
    agreements |= set(
        article.agreement_status_changes.values_list("agreement_id", flat=True)
    )
    return {
        "people": speakers | people,
        "organisations": quote_orgs
        | organisations
        | {article.source_id, old_source_id},
        "agreements": agreements,
    }
