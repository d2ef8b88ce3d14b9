"""Each registry record's ``public_from`` (entities/visibility.py) agrees,
after every kind of edit through the services, with asking the stories
directly: a record is public at a time exactly when a story published by
then names it."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles import services as article_services
from articles.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    ArticleStatus,
    Quote,
)
from articles.visibility import named_by
from entities import services, visibility
from entities.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Organisation,
    Person,
)
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

FAR = timezone.now() + datetime.timedelta(days=3650)


def asked_of_the_stories(at: datetime.datetime) -> dict[str, set[int]]:
    """Who is public at ``at``, by searching the stories (what public_from
    saves every list from doing)."""
    public = Article.objects.published(at=at).values("pk")
    quotes = Quote.objects.filter(article__in=public)
    agreements = set(
        Agreement.objects.filter(
            Exists(
                ArticleAgreement.objects.filter(
                    agreement=OuterRef("pk"), article__in=public
                )
            )
            | Exists(
                AgreementStatusChange.objects.filter(
                    agreement=OuterRef("pk"), article__in=public
                )
            )
        ).values_list("pk", flat=True)
    )
    people = set(
        Person.objects.filter(
            Exists(
                ArticlePerson.objects.filter(person=OuterRef("pk"), article__in=public)
            )
            | Exists(quotes.filter(speaker=OuterRef("pk")))
            | Exists(Article.objects.filter(pk__in=public, authors=OuterRef("pk")))
        ).values_list("pk", flat=True)
    )
    organisations = set(
        Organisation.objects.filter(
            Exists(
                ArticleOrganisation.objects.filter(
                    organisation=OuterRef("pk"), article__in=public
                )
            )
            | Exists(
                quotes.filter(Q(organisation=OuterRef("pk")) | Q(outlet=OuterRef("pk")))
            )
            | Exists(Article.objects.filter(pk__in=public, source=OuterRef("pk")))
            | Exists(
                AgreementParty.objects.filter(
                    organisation=OuterRef("pk"), agreement__in=agreements
                )
            )
        ).values_list("pk", flat=True)
    )
    return {"people": people, "organisations": organisations, "agreements": agreements}


def kept(at: datetime.datetime) -> dict[str, set[int]]:
    return {
        key: set(model.objects.filter(public_from__lte=at).values_list("pk", flat=True))
        for key, model in (
            ("people", Person),
            ("organisations", Organisation),
            ("agreements", Agreement),
        )
    }


def assert_in_step():
    for at in (timezone.now(), FAR):
        assert kept(at) == asked_of_the_stories(at)


@pytest.fixture
def story(db, editor):
    """A draft naming one record of every kind in every way."""
    people = {role: PersonFactory(name=f"{role} person") for role in
              ("speaker", "mentioned", "author", "other")}  # fmt: skip
    roles = ("spoken_for", "outlet", "mentioned", "source", "party", "other")
    orgs = {role: OrganisationFactory(name=f"{role} org") for role in roles}
    mentioned_deal = Agreement.objects.create(
        title="Mentioned deal", slug="mentioned-deal"
    )
    reported_deal = Agreement.objects.create(
        title="Reported deal", slug="reported-deal"
    )
    AgreementParty.objects.create(agreement=reported_deal, organisation=orgs["party"])
    article = article_services.article_create(
        headline="Everything named",
        body="“We agree,” the speaker said.",
        source=orgs["source"],
        authors=[people["author"]],
    )
    quote = article_services.quote_create(
        article=article,
        speaker=people["speaker"],
        text="We agree",
        organisation=orgs["spoken_for"],
        outlet=orgs["outlet"],
    )
    article_services.article_mention_add(article=article, entity=people["mentioned"])
    article_services.article_mention_add(article=article, entity=orgs["mentioned"])
    article_services.article_mention_add(article=article, entity=mentioned_deal)
    services.agreement_status_change_record(
        agreement=reported_deal, status="signed", date=datetime.date(2024, 1, 1),
        article=article,
    )  # fmt: skip
    return {"article": article, "quote": quote, "people": people, "orgs": orgs,
            "deals": (mentioned_deal, reported_deal), "editor": editor}  # fmt: skip


def publish(story, at=None):
    article = Article.objects.get(pk=story["article"].pk)
    if article.status == ArticleStatus.DRAFT:
        article_services.article_transition(
            article=article, status=ArticleStatus.IN_REVIEW, user=story["editor"]
        )
    article_services.article_transition(
        article=article, status=ArticleStatus.PUBLISHED, user=story["editor"],
        published_at=at,
    )  # fmt: skip
    return article


class TestInStep:
    def test_a_draft_makes_nothing_public(self, story):
        assert_in_step()
        assert kept(FAR) == {
            "people": set(),
            "organisations": set(),
            "agreements": set(),
        }

    def test_publishing_makes_every_named_record_public(self, story):
        publish(story)
        assert_in_step()
        public = kept(timezone.now())
        assert public["people"] == {
            p.pk for r, p in story["people"].items() if r != "other"
        }
        assert public["organisations"] == {
            o.pk for r, o in story["orgs"].items() if r != "other"
        }
        assert public["agreements"] == {d.pk for d in story["deals"]}

    def test_scheduled_story_makes_them_public_when_its_time_comes(self, story):
        later = timezone.now() + datetime.timedelta(hours=2)
        publish(story, at=later)
        assert_in_step()
        assert kept(timezone.now())["people"] == set()
        assert kept(later)["people"]

    @pytest.mark.parametrize("status", [ArticleStatus.ARCHIVED, ArticleStatus.DRAFT])
    def test_archiving_or_unpublishing(self, story, status):
        article = publish(story)
        article_services.article_transition(
            article=article, status=status, user=story["editor"]
        )
        assert_in_step()

    def test_quote_moved_to_another_speaker_and_deleted(self, story):
        publish(story)
        quote = Quote.objects.get(pk=story["quote"].pk)
        quote.speaker = story["people"]["other"]
        quote.outlet = story["orgs"]["other"]
        article_services.quote_save(quote=quote)
        assert_in_step()
        # (The former speaker stays public: quoting them also recorded a
        # mention, which the story keeps.)
        assert story["people"]["other"].pk in kept(timezone.now())["people"]
        article_services.quote_delete(quote=quote)
        assert_in_step()

    def test_mentions_bylines_and_source_removed(self, story):
        article = publish(story)
        for model in (ArticlePerson, ArticleAgreement):
            for mention in model.objects.filter(article=article):
                article_services.article_mention_delete(mention=mention)
        article_services.article_authors_set(article=article, authors=[])
        assert_in_step()
        article_services.article_authors_set(
            article=article, authors=[story["people"]["other"]]
        )
        assert_in_step()
        article_services.article_authors_set(article=article, authors=[])
        article.source = story["orgs"]["other"]
        article_services.article_save(article=article)
        assert_in_step()

    def test_status_change_and_party_removed(self, story):
        publish(story)
        for party in AgreementParty.objects.filter(organisation=story["orgs"]["party"]):
            services.agreement_party_delete(party=party)
        assert_in_step()
        for change in AgreementStatusChange.objects.all():
            services.agreement_status_change_delete(change=change)
        assert_in_step()

    def test_record_saved_with_a_stale_value(self, story):
        """A form loaded before publication writes back the old empty
        public_from; the save recomputes it."""
        stale = Person.objects.get(pk=story["people"]["speaker"].pk)
        publish(story)
        stale.description = "Edited meanwhile"
        services.person_save(person=stale)
        assert_in_step()

    def test_article_deleted(self, story):
        article = publish(story)
        for change in AgreementStatusChange.objects.all():
            services.agreement_status_change_delete(change=change)
        article_services.article_delete(article=article)
        assert_in_step()

    def test_merges(self, story):
        publish(story)
        services.person_merge(
            survivor=story["people"]["other"], duplicate=story["people"]["speaker"]
        )
        services.organisation_merge(
            survivor=story["orgs"]["other"], duplicate=story["orgs"]["outlet"]
        )
        assert_in_step()

    def test_links_edited_on_their_own(self, story):
        """A mention, a party or a status change edited on its own page
        (through its service) moves visibility from the record it named to
        the one it names."""
        publish(story)
        mention = ArticlePerson.objects.get(person=story["people"]["mentioned"])
        mention.person = story["people"]["other"]
        article_services.article_mention_save(mention=mention)
        assert_in_step()
        assert story["people"]["mentioned"].pk not in kept(FAR)["people"]
        party = AgreementParty.objects.get(organisation=story["orgs"]["party"])
        party.organisation = story["orgs"]["other"]
        services.agreement_party_save(party=party)
        assert_in_step()
        mentioned_deal, reported_deal = story["deals"]
        change = AgreementStatusChange.objects.get(agreement=reported_deal)
        change.agreement = mentioned_deal
        services.agreement_status_change_save(change=change)
        assert_in_step()
        assert reported_deal.pk not in kept(FAR)["agreements"]

    def test_links_changed_by_one_form(self, story):
        """The admin's change pages save bylines, mentions and parties as
        inline forms, then refresh from what the record named before."""
        article = publish(story)
        before = named_by(article)
        ArticlePerson.objects.filter(person=story["people"]["mentioned"]).delete()
        article.authors.clear()
        article_services.article_links_refresh(article=article, before=before)
        assert_in_step()
        assert story["people"]["author"].pk not in kept(FAR)["people"]
        reported_deal = story["deals"][1]
        AgreementParty.objects.filter(agreement=reported_deal).delete()
        services.agreement_links_refresh(
            agreement=reported_deal, former_parties={story["orgs"]["party"].pk}
        )
        assert_in_step()


class TestThroughTheAdmin:
    """The admin's pages write through the services too."""

    def test_deleting_an_article_and_an_agreement(self, story, editor_client):
        article = publish(story)
        for change in AgreementStatusChange.objects.all():
            services.agreement_status_change_delete(change=change)
        reported_deal = story["deals"][1]
        response = editor_client.post(
            f"/admin/entities/agreement/{reported_deal.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 302, response.content
        assert not Agreement.objects.filter(pk=reported_deal.pk).exists()
        assert_in_step()
        response = editor_client.post(
            f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 302, response.content
        assert not Article.objects.filter(pk=article.pk).exists()
        assert_in_step()
        assert kept(FAR) == {"people": set(), "organisations": set(),
                             "agreements": set()}  # fmt: skip

    def test_moving_a_mention_on_its_own_page(self, story, editor_client):
        publish(story)
        mention = ArticleOrganisation.objects.get(
            organisation=story["orgs"]["mentioned"]
        )
        response = editor_client.post(
            f"/admin/articles/articleorganisation/{mention.pk}/change/",
            {
                "article": mention.article_id,
                "organisation": story["orgs"]["other"].pk,
                "about": "",
            },
        )
        assert response.status_code == 302, response.content
        assert_in_step()
        assert story["orgs"]["other"].pk in kept(timezone.now())["organisations"]
        assert story["orgs"]["mentioned"].pk not in kept(FAR)["organisations"]


def test_seed_generated_corpus_and_refresh_all(seed):
    call_command("generate_corpus", articles=60, seed=5, stdout=io.StringIO())
    assert_in_step()
    Person.objects.update(public_from=None)
    visibility.refresh_all()
    assert_in_step()
