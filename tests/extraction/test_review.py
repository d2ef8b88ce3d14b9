"""The extraction assistant in the editors' admin, through Django's test
client against the real admin site and database: "Propose structure" leads to
a review screen whose proposals become quotes, people, roles and mentions only
when accepted — all at once or not at all — and viewing, proposing or
rejecting them writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import services as article_services
from articles.models import Article, ArticlePerson, ArticleStatus, QuoteKind
from articles.text import fold
from entities.models import Organisation, OrganisationKind, Person, Role
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED = json.loads((SEEDS / "reference-story.json").read_text(encoding="utf-8"))
SEED_ARTICLE = SEED["articles"][0]
REFERENCE_BODY = (SEEDS / "reference-article.txt").read_text(encoding="utf-8")

ROGOZIN_BODY = (
    "Russian space agency Roscosmos' Director General Dmitry Rogozin said that "
    "the station would be brought down over the Pacific.\n\n"
    "Recently, Russian cosmonaut Pyotr Dubrov said that he is eager to join "
    "the first crew to the Moon."
)


def propose_url(article: Article) -> str:
    return reverse("admin:articles_article_propose", args=[article.pk])


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def snapshot() -> dict[str, int]:
    """How many rows every model of the newsroom holds, history included."""
    return {
        model._meta.label: model._base_manager.count()
        for label in ("articles", "entities")
        for model in apps.get_app_config(label).get_models()
    }


def review_of(response):
    assert response.status_code == 200, response.content[:500]
    return response.context["review"]


def rows_by_text(review) -> dict[str, object]:
    return {row.proposal.text: row for row in review.quotes}


def decisions(review, decide=None, edits=None, default="leave") -> dict:
    """What an editor's browser posts for the review: every offered row's
    fields as shown, its decision (``decide``: prefix -> decision, else
    ``default``), and any ``edits`` (prefix -> {field: value})."""
    decide, edits = decide or {}, edits or {}
    data = {"fingerprint": review.fingerprint, "queue": ""}
    for row in review.rows():
        form = row.form
        if form is None:
            continue
        for bound in form:
            value = bound.value()
            data[bound.html_name] = "" if value is None else str(value)
        data[f"{row.prefix}-decision"] = decide.get(row.prefix, default)
        for name, value in edits.get(row.prefix, {}).items():
            data[f"{row.prefix}-{name}"] = value
    return data


def submit(client, article, data):
    return client.post(propose_url(article), data)


@pytest.fixture
def reference(seed):
    """The seeded reference story with its quotes removed: the copy as it
    came in, the registry as the newsroom has it."""
    article = Article.objects.get(slug=SEED_ARTICLE["slug"])
    for quote in article.quotes.all():
        quote.delete()
    return article


def newsroom_user(django_user_model, username: str, group: str | None):
    user = django_user_model.objects.create_user(
        username=username, password="not used", is_staff=True
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


class TestReferenceStory:
    def test_accept_all_gives_the_seed_quotes(self, editor_client, reference):
        """Propose, accept everything, save: the story's quotes are the
        seed's (text, kind, speaker, outlet), and no record is duplicated."""
        people, organisations = Person.objects.count(), Organisation.objects.count()
        review = review_of(editor_client.get(propose_url(reference)))
        assert len(review.quotes) == len(SEED_ARTICLE["quotes"])
        response = submit(editor_client, reference, decisions(review, default="accept"))
        assert response.status_code == 302, response.content[:2000]
        assert response["Location"] == change_url(reference)

        got = {
            (q.kind, fold(q.text), q.speaker.slug, q.outlet.slug if q.outlet else None)
            for q in reference.quotes.select_related("speaker", "outlet")
        }
        wanted = {
            (q["kind"], fold(q["text"]), q["speaker"], q.get("outlet"))
            for q in SEED_ARTICLE["quotes"]
        }
        assert got == wanted
        assert reference.quotes.count() == len(wanted)
        assert (Person.objects.count(), Organisation.objects.count()) == (
            people,
            organisations,
        )
        rogozin = reference.quotes.get(speaker__slug="dmitry-rogozin")
        assert rogozin.organisation.slug == "roscosmos"
        for quote in reference.quotes.all():
            if quote.kind != QuoteKind.INDIRECT:
                assert reference.body[quote.start : quote.end] == quote.text

    def test_entered_quotes_are_shown_as_entered_not_offered(self, editor_client, seed):
        """On the seeded story every proposal is already entered."""
        article = Article.objects.get(slug=SEED_ARTICLE["slug"])
        review = review_of(editor_client.get(propose_url(article)))
        assert all(row.entered is not None for row in review.quotes)
        assert all(row.entered for row in review.mentions)
        assert review.offered == 0
        assert b"Already entered" in editor_client.get(propose_url(article)).content


class TestNothingUntilAccepted:
    def test_propose_view_and_reject_change_nothing(self, editor_client, reference):
        """The action, the review screen and rejecting every proposal leave
        every table (history included) as it was."""
        before = snapshot()
        response = editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "propose_structure", "_selected_action": [reference.pk]},
        )
        assert response.status_code == 302
        assert response["Location"] == propose_url(reference)
        assert snapshot() == before
        review = review_of(editor_client.get(response["Location"]))
        assert review.offered > 0
        assert snapshot() == before
        response = submit(editor_client, reference, decisions(review, default="reject"))
        assert response.status_code == 302
        assert snapshot() == before
        response = submit(editor_client, reference, decisions(review, default="leave"))
        assert response.status_code == 302
        assert snapshot() == before

    def test_accepting_one_quote_creates_exactly_that(self, editor_client, reference):
        """One accepted partial quote: one quote (and its history row), nothing
        else — its speaker and outlet are already mentioned."""
        before = snapshot()
        review = review_of(editor_client.get(propose_url(reference)))
        row = rows_by_text(review)["major space power"]
        response = submit(
            editor_client, reference, decisions(review, decide={row.prefix: "accept"})
        )
        assert response.status_code == 302
        after = snapshot()
        changed = {label: after[label] - before[label] for label in after}
        assert {label: n for label, n in changed.items() if n} == {
            "articles.Quote": 1,
            "articles.HistoricalQuote": 1,
        }
        quote = reference.quotes.get()
        assert (quote.text, quote.kind, quote.speaker.slug, quote.cue) == (
            "major space power",
            QuoteKind.PARTIAL,
            "zhang-hanhui",
            "calling",
        )
        assert quote.organisation.slug == "china"

    def test_edited_proposal_creates_the_edited_quote(self, editor_client, reference):
        """What the editor changed on the row is what is saved."""
        review = review_of(editor_client.get(propose_url(reference)))
        row = rows_by_text(review)["major space power"]
        dubrov = Person.objects.get(slug="pyotr-dubrov")
        tass = Organisation.objects.get(slug="tass")
        response = submit(
            editor_client,
            reference,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={
                    row.prefix: {
                        "text": "space power",
                        "kind": QuoteKind.PARTIAL,
                        "speaker": "Pyotr Dubrov",
                        "cue": "called",
                        "outlet": f"organisation:{tass.pk}",
                    }
                },
            ),
        )
        assert response.status_code == 302
        quote = reference.quotes.get()
        assert (quote.text, quote.speaker, quote.cue, quote.outlet) == (
            "space power",
            dubrov,
            "called",
            tass,
        )
        assert reference.body[quote.start : quote.end] == "space power"

    def test_someone_else_from_the_registry_replaces_the_speaker(
        self, editor_client, reference
    ):
        """The one speaker field takes a registry name (or alias) the story
        does not use, and the quote speaks for that person's role."""
        other = PersonFactory(name="Yuri Borisov", aliases=["Borisov"])
        review = review_of(editor_client.get(propose_url(reference)))
        row = rows_by_text(review)["major space power"]
        assert row.form.initial["organisation"].startswith("organisation:")
        submit(
            editor_client,
            reference,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={row.prefix: {"speaker": "borisov"}},
            ),
        )
        quote = reference.quotes.get()
        assert quote.speaker == other
        # Not China, which was proposed for the speaker replaced.
        assert quote.organisation is None

    def test_corrected_speaker_speaks_for_their_own_organisation(
        self, editor_client, reference
    ):
        """Correcting the speaker to another person the story names takes
        that person's organisation as "spoke for" (the screen's script does
        the same as the editor types)."""
        review = review_of(editor_client.get(propose_url(reference)))
        row = rows_by_text(review)["major space power"]
        assert (
            "Dmitry Rogozin",
            f"organisation:{Organisation.objects.get(slug='roscosmos').pk}",
        ) in review.speakers
        submit(
            editor_client,
            reference,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={row.prefix: {"speaker": "Dmitry Rogozin"}},
            ),
        )
        quote = reference.quotes.get()
        assert (quote.speaker.slug, quote.organisation.slug) == (
            "dmitry-rogozin",
            "roscosmos",
        )

    def test_one_control_for_the_speaker(self, editor_client, reference):
        response = editor_client.get(propose_url(reference))
        review = review_of(response)
        row = rows_by_text(review)["major space power"]
        assert "other_speaker" not in row.form.fields
        html = response.content.decode()
        assert html.count(f'name="{row.prefix}-speaker"') == 1
        assert '<datalist id="review-speakers">' in html
        assert row.form["speaker"].value() == "Zhang Hanhui"

    def test_invalid_edit_shows_the_error_and_saves_nothing(
        self, editor_client, reference
    ):
        """A direct quote edited to words not in the body refuses the whole
        submission: the error is on that row's text, the editor's input is
        kept, and the valid proposals accepted with it are not saved either."""
        before = snapshot()
        review = review_of(editor_client.get(propose_url(reference)))
        rows = rows_by_text(review)
        broken, valid = rows["major space power"], rows["vast and fruitful cooperation"]
        wrong = "a truly major space power <b>indeed</b>"
        response = submit(
            editor_client,
            reference,
            decisions(
                review,
                decide={broken.prefix: "accept", valid.prefix: "accept"},
                edits={broken.prefix: {"text": wrong, "kind": QuoteKind.DIRECT}},
            ),
        )
        assert response.status_code == 200
        shown = review_of(response)
        form = next(row.form for row in shown.quotes if row.prefix == broken.prefix)
        assert "does not occur in the article's body" in " ".join(form.errors["text"])
        assert form["text"].value() == wrong
        assert form["decision"].value() == "accept"
        html = response.content.decode()
        assert "a truly major space power &lt;b&gt;indeed&lt;/b&gt;" in html
        assert "<b>indeed</b>" not in html
        assert "errornote" in html
        assert snapshot() == before

    def test_rejected_new_speaker_cannot_speak(self, editor_client, db):
        """A quote accepted while its new speaker is rejected is refused on
        the speaker, and nothing is saved."""
        article = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.DRAFT)
        before = snapshot()
        review = review_of(editor_client.get(propose_url(article)))
        quote = review.quotes[0]
        person = next(r for r in review.people if r.proposal.name == "Dmitry Rogozin")
        response = submit(
            editor_client,
            article,
            decisions(review, decide={quote.prefix: "accept", person.prefix: "reject"}),
        )
        assert response.status_code == 200
        form = review_of(response).quotes[0].form
        assert "You rejected Dmitry Rogozin" in " ".join(form.errors["speaker"])
        assert snapshot() == before

    def test_stale_review_is_recomputed_not_applied(self, editor_client, reference):
        """Decisions posted for proposals that changed since (the registry
        gained a person) are not applied; the new proposals are shown."""
        review = review_of(editor_client.get(propose_url(reference)))
        data = decisions(review, default="accept")
        PersonFactory(name="Someone New")
        data["fingerprint"] = "0" * 32
        before = snapshot()
        response = submit(editor_client, reference, data)
        assert response.status_code == 200
        assert review_of(response).stale
        assert snapshot() == before


class TestSpeakers:
    @pytest.fixture
    def roscosmos(self, db):
        return OrganisationFactory(
            name="Roscosmos",
            kind=OrganisationKind.AGENCY,
            aliases=["Russian space agency"],
        )

    def test_unknown_speaker_becomes_a_new_person_with_the_role(
        self, editor_client, roscosmos
    ):
        """Accepting the quote of someone the registry does not know adds
        them, with the role the story describes, and mentions them."""
        article = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.DRAFT)
        review = review_of(editor_client.get(propose_url(article)))
        quote = next(r for r in review.quotes if r.proposal.speaker == "dmitry-rogozin")
        response = submit(
            editor_client, article, decisions(review, decide={quote.prefix: "accept"})
        )
        assert response.status_code == 302, response.content[:3000]
        rogozin = Person.objects.get(name="Dmitry Rogozin")
        role = Role.objects.get(person=rogozin)
        assert (role.title, role.organisation) == ("Director General", roscosmos)
        saved = article.quotes.get()
        assert (saved.speaker, saved.organisation, saved.kind) == (
            rogozin,
            roscosmos,
            QuoteKind.INDIRECT,
        )
        assert ArticlePerson.objects.filter(article=article, person=rogozin).exists()
        assert not Person.objects.filter(name="Pyotr Dubrov").exists()

    def test_new_person_row_accepted_with_a_description_only(
        self, editor_client, roscosmos
    ):
        """ "Russian cosmonaut" names no organisation: the new person gets it
        as their description and no role."""
        article = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.DRAFT)
        review = review_of(editor_client.get(propose_url(article)))
        row = next(r for r in review.people if r.proposal.name == "Pyotr Dubrov")
        submit(editor_client, article, decisions(review, decide={row.prefix: "accept"}))
        dubrov = Person.objects.get(name="Pyotr Dubrov")
        assert dubrov.description == "Russian cosmonaut"
        assert not dubrov.roles.exists()
        assert list(article.people.all()) == [dubrov]
        assert not article.quotes.exists()

    def test_role_title_without_organisation_is_refused_on_the_row(
        self, editor_client, roscosmos
    ):
        """A role needs the organisation it is held in."""
        article = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.DRAFT)
        before = snapshot()
        review = review_of(editor_client.get(propose_url(article)))
        row = next(r for r in review.people if r.proposal.name == "Pyotr Dubrov")
        response = submit(
            editor_client,
            article,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={row.prefix: {"role_title": "Cosmonaut"}},
            ),
        )
        assert response.status_code == 200
        form = next(
            r.form for r in review_of(response).people if r.prefix == row.prefix
        )
        assert "role_organisation" in form.errors
        assert snapshot() == before

    def test_known_speaker_by_alias_is_not_duplicated(self, editor_client, db):
        """ "Hanhui" is Zhang Hanhui's alias: his quote goes to him."""
        zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
        article = ArticleFactory(
            body="Hanhui said that the two countries are pushing ahead.",
            status=ArticleStatus.DRAFT,
        )
        people = Person.objects.count()
        review = review_of(editor_client.get(propose_url(article)))
        assert review.people == []
        submit(editor_client, article, decisions(review, default="accept"))
        assert article.quotes.get().speaker == zhang
        assert Person.objects.count() == people

    def test_proposed_new_name_matching_an_alias_links_the_existing_person(
        self, editor_client, db
    ):
        """A name the engine did not recognise but the registry knows (in
        other letter case) is that person, never a duplicate."""
        dmitri = PersonFactory(name="Dmitri Rogozin", aliases=["dmitry rogozin"])
        article = ArticleFactory(
            body="Dmitry Rogozin said that the station would be brought down.",
            status=ArticleStatus.DRAFT,
        )
        people = Person.objects.count()
        review = review_of(editor_client.get(propose_url(article)))
        assert review.people == []
        assert [row.record for row in review.mentions] == [dmitri]
        submit(editor_client, article, decisions(review, default="accept"))
        assert article.quotes.get().speaker == dmitri
        assert Person.objects.count() == people


class TestPermissions:
    def test_reporter_is_refused_a_submitted_story(self, client, django_user_model):
        """A reporter may not propose (or accept) anything for a story in
        review; the action says so and changes nothing."""
        rita = newsroom_user(django_user_model, "rita", "Reporters")
        article = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.IN_REVIEW)
        client.force_login(rita)
        before = snapshot()
        assert client.get(propose_url(article)).status_code == 403
        assert client.post(propose_url(article), {}).status_code == 403
        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "propose_structure", "_selected_action": [article.pk]},
            follow=True,
        )
        assert "only an editor may change it now" in response.content.decode()
        assert snapshot() == before
        page = client.get(change_url(article)).content.decode()
        assert "Propose structure" not in page

    def test_reporter_reviews_a_draft(self, client, django_user_model):
        rita = newsroom_user(django_user_model, "rita", "Reporters")
        article = ArticleFactory(
            body=ROGOZIN_BODY, status=ArticleStatus.DRAFT, created_by=rita
        )
        client.force_login(rita)
        assert "Propose structure" in client.get(change_url(article)).content.decode()
        review = review_of(client.get(propose_url(article)))
        response = submit(client, article, decisions(review, default="accept"))
        assert response.status_code == 302
        assert article.quotes.count() == 2

    def test_anonymous_is_sent_to_log_in(self, client, db):
        article = ArticleFactory(body=ROGOZIN_BODY)
        response = client.get(propose_url(article))
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


class TestScreen:
    def test_change_page_links_to_the_review(self, editor_client, reference):
        page = editor_client.get(change_url(reference)).content.decode()
        assert f'href="{propose_url(reference)}"' in page

    def test_review_has_the_admin_look(self, editor_client, reference):
        """Breadcrumbs to the article, the highlighted body, every section."""
        html = editor_client.get(propose_url(reference)).content.decode()
        assert 'class="breadcrumbs"' in html
        assert f'href="{change_url(reference)}"' in html
        assert 'id="quote-proposals"' in html
        assert 'id="mention-proposals"' in html
        assert '<mark class="quote-depth-1 quote-direct"' in html

    def test_body_and_names_are_escaped(self, editor_client, db):
        article = ArticleFactory(
            body='<script>alert(1)</script> Maria Silva said that "<b>bold</b> '
            'words" matter.',
            status=ArticleStatus.DRAFT,
        )
        html = editor_client.get(propose_url(article)).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<b>bold</b>" not in html

    def test_several_articles_are_reviewed_in_turn(self, editor_client, db):
        """The action over several articles opens the first's review; saving
        it moves on to the next."""
        first = ArticleFactory(body=ROGOZIN_BODY, status=ArticleStatus.DRAFT)
        second = ArticleFactory(body=REFERENCE_BODY, status=ArticleStatus.DRAFT)
        response = editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "propose_structure", "_selected_action": [second.pk, first.pk]},
        )
        assert response["Location"] == f"{propose_url(first)}?queue={second.pk}"
        review = review_of(editor_client.get(response["Location"]))
        data = decisions(review, default="leave")
        data["queue"] = str(second.pk)
        response = submit(editor_client, first, data)
        assert response["Location"] == propose_url(second)

    def test_unknown_article_redirects(self, editor_client, db):
        response = editor_client.get(
            reverse("admin:articles_article_propose", args=[987654])
        )
        assert response.status_code == 302


def test_service_is_all_or_nothing(reference, editor):
    """``proposals_apply`` with one good and one bad quote saves neither."""
    from articles.proposals import AcceptedQuote, ProposalsRefused, proposals_apply

    zhang = Person.objects.get(slug="zhang-hanhui")
    before = snapshot()
    with pytest.raises(ProposalsRefused) as refused:
        proposals_apply(
            article=reference,
            user=editor,
            quotes=[
                AcceptedQuote(
                    ref="good", text="major space power", speaker=zhang, kind="partial"
                ),
                AcceptedQuote(ref="bad", text="not in the body", speaker=zhang),
            ],
        )
    assert set(refused.value.by_ref) == {"bad"}
    assert "text" in refused.value.by_ref["bad"]
    assert snapshot() == before
    applied = proposals_apply(
        article=reference,
        user=editor,
        quotes=[
            AcceptedQuote(
                ref="good", text="major space power", speaker=zhang, kind="partial"
            )
        ],
    )
    assert [q.text for q in applied.quotes] == ["major space power"]
    assert article_services.article_can_edit(article=reference, user=editor)


class TestQuotesWithoutASpeaker:
    BODY = (
        "The council met on Monday.\n\n"
        "\u201cWe will not give up.\u201d\n\n"
        "Mayor Ann Lee closed the session."
    )

    def test_listed_for_the_editor_to_attribute(self, editor_client, db):
        """Quoted words the assistant could not attribute are a row of
        their own ("found a quote, no speaker: pick one"), not dropped."""
        article = ArticleFactory(body=self.BODY, status=ArticleStatus.DRAFT)
        response = editor_client.get(propose_url(article))
        review = review_of(response)
        (row,) = review.unattributed
        assert row.proposal.text == "We will not give up."
        assert row.speaker_name == "found a quote, no speaker: pick one"
        assert row.form["speaker"].value() == ""
        html = response.content.decode()
        assert "found a quote, no speaker: pick one" in html
        assert "proposal-unattributed" in html

    def test_attributed_by_the_editor(self, editor_client, db):
        article = ArticleFactory(body=self.BODY, status=ArticleStatus.DRAFT)
        review = review_of(editor_client.get(propose_url(article)))
        (row,) = review.unattributed
        response = submit(
            editor_client,
            article,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={row.prefix: {"speaker": "Ann Lee"}},
            ),
        )
        assert response.status_code == 302
        quote = article.quotes.get()
        assert (quote.text, quote.kind, quote.speaker.name) == (
            "We will not give up.",
            QuoteKind.DIRECT,
            "Ann Lee",
        )

    def test_recorded_as_an_unnamed_source(self, editor_client, db):
        article = ArticleFactory(body=self.BODY, status=ArticleStatus.DRAFT)
        review = review_of(editor_client.get(propose_url(article)))
        (row,) = review.unattributed
        submit(
            editor_client,
            article,
            decisions(
                review,
                decide={row.prefix: "accept"},
                edits={row.prefix: {"source_description": "a council member"}},
            ),
        )
        quote = article.quotes.get()
        assert (quote.speaker, quote.source_description) == (None, "a council member")

    def test_accepting_with_no_one_is_a_field_error(self, editor_client, db):
        article = ArticleFactory(body=self.BODY, status=ArticleStatus.DRAFT)
        review = review_of(editor_client.get(propose_url(article)))
        (row,) = review.unattributed
        before = snapshot()
        response = submit(
            editor_client, article, decisions(review, decide={row.prefix: "accept"})
        )
        assert response.status_code == 200
        form = next(
            r.form for r in review_of(response).quotes if r.prefix == row.prefix
        )
        assert "Pick who said it" in " ".join(form.errors["speaker"])
        assert snapshot() == before

    def test_proposed_unnamed_source_is_accepted_as_such(self, editor_client, db):
        article = ArticleFactory(
            body="\u201cWe will review the case,\u201d a spokesman said.",
            status=ArticleStatus.DRAFT,
        )
        review = review_of(editor_client.get(propose_url(article)))
        (row,) = review.quotes
        assert row.speaker_name == "a spokesman (unnamed source)"
        assert row.form["source_description"].value() == "a spokesman"
        submit(editor_client, article, decisions(review, decide={row.prefix: "accept"}))
        quote = article.quotes.get()
        assert (quote.speaker, quote.source_description) == (None, "a spokesman")


def test_new_agency_keeps_its_kind_and_acronym(editor_client, db):
    """A wire agency the assistant ships is proposed with its kind, and an
    acronym the story gives in parentheses is saved as an alias."""
    article = ArticleFactory(
        body="The Northern Space Agency (NSA) said its probe had landed, the "
        "director told the BBC.",
        status=ArticleStatus.DRAFT,
    )
    review = review_of(editor_client.get(propose_url(article)))
    rows = {row.proposal.name: row for row in review.organisations}
    # Not a news agency, as any outlet would be taken for.
    assert rows["BBC"].form.initial["kind"] == OrganisationKind.MEDIA_OUTLET
    agency = rows["Northern Space Agency"]
    submit(editor_client, article, decisions(review, decide={agency.prefix: "accept"}))
    created = Organisation.objects.get(name="Northern Space Agency")
    assert list(created.aliases.values_list("name", flat=True)) == ["NSA"]
