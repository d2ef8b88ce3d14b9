"""The reference story loads as structure, and loading it again changes
nothing."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article, Quote, QuoteKind
from entities.models import Agreement, Organisation, Person, Role

pytestmark = pytest.mark.django_db

SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in ("entities", "articles")
        for model in apps.get_app_config(app).get_models()
    }


class TestLoadSeed:
    def test_loads_twice_without_duplicates(self):
        """Running load_seed twice changes nothing: same rows, no history."""
        first = io.StringIO()
        call_command("load_seed", stdout=first)
        after_first = row_counts()
        second = io.StringIO()
        call_command("load_seed", stdout=second)
        assert row_counts() == after_first
        assert "quotes: 11 created" in first.getvalue()
        assert "quotes: 0 created, 11 already present" in second.getvalue()
        assert "Nothing new" in second.getvalue()

    def test_editor_corrections_survive_a_reload(self, seed):
        """A seeded record an editor corrected is not overwritten."""
        Person.objects.filter(slug="pyotr-dubrov").update(description="Cosmonaut")
        call_command("load_seed", stdout=io.StringIO())
        assert Person.objects.get(slug="pyotr-dubrov").description == "Cosmonaut"


class TestSeedContent:
    def test_people(self, seed):
        """The three people, with Zhang Hanhui's partial name as an alias."""
        assert set(Person.objects.values_list("slug", flat=True)) == {
            "zhang-hanhui",
            "dmitry-rogozin",
            "pyotr-dubrov",
        }
        assert list(Person.objects.matching_name("Hanhui")) == [
            Person.objects.get(slug="zhang-hanhui")
        ]

    def test_organisations(self, seed):
        """TASS, Roscosmos under Russia, and the states of the story."""
        kinds = dict(Organisation.objects.values_list("slug", "kind"))
        assert kinds["tass"] == "news_agency"
        assert kinds["roscosmos"] == "agency"
        assert kinds["china"] == kinds["russia"] == "state"
        assert {"united-states", "europe"} <= set(kinds)
        roscosmos = Organisation.objects.get(slug="roscosmos")
        assert roscosmos.parent.slug == "russia"

    def test_rogozin_role(self, seed):
        """Rogozin is Director General of Roscosmos."""
        role = Role.objects.get(person__slug="dmitry-rogozin")
        assert (role.title, role.organisation.slug) == ("Director General", "roscosmos")

    def test_direct_quote(self, seed):
        """Zhang Hanhui's direct quote, spoken for China, told to TASS, and
        located in the body."""
        quote = Quote.objects.get(kind=QuoteKind.DIRECT)
        assert quote.text.startswith("I am certain that the consolidation")
        assert quote.text.endswith("the whole of humanity")
        assert quote.speaker.slug == "zhang-hanhui"
        assert quote.organisation.slug == "china"
        assert quote.outlet.slug == "tass"
        assert quote.article.body[quote.start : quote.end] == quote.text

    def test_partial_and_indirect_quotes(self, seed):
        """At least three partial and four indirect quotes, right speakers."""
        partial = dict(
            Quote.objects.filter(kind=QuoteKind.PARTIAL).values_list(
                "text", "speaker__slug"
            )
        )
        assert partial == {
            "comprehensive partnership and strategic interaction": "zhang-hanhui",
            "vast and fruitful cooperation": "zhang-hanhui",
            "major space power": "zhang-hanhui",
        }
        indirect = Quote.objects.filter(kind=QuoteKind.INDIRECT)
        assert indirect.count() >= 4
        by_speaker = {
            slug: indirect.filter(speaker__slug=slug).count()
            for slug in ("zhang-hanhui", "dmitry-rogozin", "pyotr-dubrov")
        }
        assert by_speaker["dmitry-rogozin"] == 1
        assert by_speaker["pyotr-dubrov"] == 2
        assert by_speaker["zhang-hanhui"] >= 2
        warning = indirect.get(speaker__slug="dmitry-rogozin")
        assert "warning the US and Europe" in warning.text
        assert warning.organisation.slug == "roscosmos"
        assert indirect.filter(
            speaker__slug="pyotr-dubrov", cue="according to"
        ).exists()

    def test_every_located_quote_matches_the_body(self, seed):
        """Every offset in the seed points at its quote's own words."""
        for quote in Quote.objects.select_related("article"):
            if quote.start is not None:
                assert quote.article.body[quote.start : quote.end] == quote.text

    def test_moon_agreement(self, seed):
        """The 2017 Sino-Russian agreement, parties China and Russia."""
        agreement = Agreement.objects.get(
            slug="sino-russian-moon-and-deep-space-agreement"
        )
        assert agreement.signed_on.year == 2017
        assert agreement.signed_precision == "year"
        assert set(agreement.parties.values_list("organisation__slug", flat=True)) == {
            "china",
            "russia",
        }

    def test_iss_partnership_status_change(self, seed):
        """Russia's ending of ISS cooperation is a status change citing the
        seed article."""
        iss = Agreement.objects.get(slug="iss-partnership")
        change = iss.status_changes.get(party__slug="russia")
        assert change.article.slug == SEED_ARTICLE
        assert change.status == iss.status == "terminated"
        assert set(iss.parties.values_list("organisation__slug", flat=True)) == {
            "russia",
            "united-states",
            "europe",
        }

    def test_article_is_published_with_mentions(self, seed):
        """The article is public and names what it is about."""
        article = Article.objects.published().get(slug=SEED_ARTICLE)
        assert article.published_at.date() == datetime.date(2022, 5, 3)
        assert article.people.count() == 3
        assert article.agreements.count() == 2
        about = set(
            article.articleorganisation_set.filter(about=True).values_list(
                "organisation__slug", flat=True
            )
        )
        assert about == {"china", "russia"}
