"""Registry hygiene: a duplicate person or organisation is merged into the
record kept, taking everything that pointed at it along and leaving its name
as an alias and a trace of the merge; and the admin warns before a likely
duplicate is created at all."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services as article_services
from articles.models import (
    Article,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
    QuoteKind,
)
from entities import services
from entities.models import (
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    MergeKind,
    MergeRecord,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory
from tests.test_admin import admin_url, field_errors, form_post_data

pytestmark = pytest.mark.django_db

SEED_ARTICLE = "china-russia-space-cooperation-benefits-humanity"


@pytest.fixture
def merger(django_user_model):
    user = django_user_model.objects.create_user(
        username="meg-merger", password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def merger_client(client, merger):
    client.force_login(merger)
    return client


@pytest.fixture
def seed_article(seed) -> Article:
    return Article.objects.get(slug=SEED_ARTICLE)


def shown_messages(response) -> list[tuple[int, str]]:
    return [(message.level, str(message)) for message in response.context["messages"]]


def alias_names(record) -> set[str]:
    return set(record.aliases.values_list("name", flat=True))


class TestPersonMerge:
    @pytest.fixture
    def duplicate(self, seed_article):
        """A second Zhang Hanhui entered by another reporter, with a quote in
        the seed story, roles, mentions and a byline of their own."""
        duplicate = PersonFactory(
            name="Zhang Han-hui", aliases=["Ambassador Zhang"], wikidata_id="Q4115189"
        )
        quote = article_services.quote_create(
            article=seed_article,
            speaker=duplicate,
            kind=QuoteKind.PARTIAL,
            text="the whole is greater than the sum of the parts",
            cue="said",
        )
        china = Organisation.objects.get(slug="china")
        russia = Organisation.objects.get(slug="russia")
        services.role_create(
            person=duplicate, organisation=china, title="Ambassador to Russia"
        )
        services.role_create(person=duplicate, organisation=russia, title="Envoy")
        column = ArticleFactory(
            headline="The ambassador writes on space", authors=[duplicate]
        )
        article_services.article_mention_add(
            article=column, entity=duplicate, about=True
        )
        duplicate.quote = quote
        duplicate.column = column
        return duplicate

    def test_everything_moves_to_the_survivor(self, seed_article, duplicate, merger):
        """Quotes, roles, mentions and bylines of the duplicate all point to
        the survivor afterwards, and the duplicate is gone."""
        zhang = Person.objects.get(slug="zhang-hanhui")
        quotes_before = zhang.quotes.count()
        duplicate_id = duplicate.pk

        services.person_merge(survivor=zhang, duplicate=duplicate, user=merger)

        assert not Person.objects.filter(pk=duplicate_id).exists()
        assert not Quote.objects.filter(speaker_id=duplicate_id).exists()
        assert Quote.objects.get(pk=duplicate.quote.pk).speaker == zhang
        assert zhang.quotes.count() == quotes_before + 1
        assert not Role.objects.filter(person_id=duplicate_id).exists()
        assert sorted(zhang.roles.values_list("organisation__slug", "title")) == [
            ("china", "Ambassador to Russia"),
            ("russia", "Envoy"),
        ]
        assert not ArticlePerson.objects.filter(person_id=duplicate_id).exists()
        # Both were mentioned by the seed story: one mention is left.
        seed_mention = ArticlePerson.objects.get(article=seed_article, person=zhang)
        assert seed_mention.about is True
        column_mention = ArticlePerson.objects.get(article=duplicate.column)
        assert (column_mention.person, column_mention.about) == (zhang, True)
        assert list(duplicate.column.authors.all()) == [zhang]

    def test_identity_is_absorbed_and_the_merge_recorded(self, duplicate, merger):
        """The duplicate's name and aliases become the survivor's aliases, its
        Wikidata id fills the survivor's blank, and a MergeRecord and the
        history say who merged what and why."""
        zhang = Person.objects.get(slug="zhang-hanhui")
        version = zhang.version
        duplicate_id = duplicate.pk

        record = services.person_merge(survivor=zhang, duplicate=duplicate, user=merger)

        zhang.refresh_from_db()
        assert alias_names(zhang) == {"Hanhui", "Zhang Han-hui", "Ambassador Zhang"}
        assert zhang.wikidata_id == "Q4115189"
        assert zhang.description == "China's ambassador to Russia"
        assert zhang.version == version + 1
        assert MergeRecord.objects.get() == record
        assert (record.kind, record.old_id, record.old_slug, record.old_name) == (
            MergeKind.PERSON,
            duplicate_id,
            "zhang-han-hui",
            "Zhang Han-hui",
        )
        assert (record.survivor_person, record.merged_by) == (zhang, merger)
        assert "1 quotes" in record.summary and "2 roles" in record.summary
        reason = "Merged Zhang Han-hui (zhang-han-hui) into Zhang Hanhui"
        latest = zhang.history.latest("history_date")
        assert (latest.history_change_reason, latest.history_user) == (reason, merger)
        moved = Quote.history.filter(id=duplicate.quote.pk).latest("history_date")
        assert (moved.history_change_reason, moved.speaker_id) == (reason, zhang.pk)
        gone = Person.history.filter(id=duplicate_id).latest("history_date")
        assert gone.history_type == "-"
        assert gone.history_change_reason == "Merged into Zhang Hanhui (zhang-hanhui)"

    def test_api_shows_the_merged_name_as_an_alias(self, client, duplicate, merger):
        """Anonymously, the survivor's public API record lists the merged name
        among its aliases, and the old slug leads to it."""
        zhang = Person.objects.get(slug="zhang-hanhui")
        services.person_merge(survivor=zhang, duplicate=duplicate, user=merger)

        response = client.get("/api/v1/people/zhang-hanhui/")

        assert response.status_code == 200
        body = response.json()
        assert body["slug"] == "zhang-hanhui"
        assert {"Hanhui", "Zhang Han-hui", "Ambassador Zhang"} <= set(body["aliases"])
        assert body["wikidata_id"] == "Q4115189"
        old = client.get("/api/v1/people/zhang-han-hui/")
        assert old.status_code == 301
        assert old["Location"].endswith("/api/v1/people/zhang-hanhui/")

    def test_self_merge_is_refused_and_changes_nothing(self, duplicate):
        """Merging a person with itself raises ValidationError and leaves the
        person, its quotes and aliases as they were."""
        same = Person.objects.get(pk=duplicate.pk)
        version = duplicate.version

        with pytest.raises(ValidationError) as excinfo:
            services.person_merge(survivor=duplicate, duplicate=same)

        assert excinfo.value.message_dict == {
            "duplicate": ["A record cannot be merged with itself."]
        }
        stored = Person.objects.get(pk=duplicate.pk)
        assert stored.version == version
        assert alias_names(stored) == {"Ambassador Zhang"}
        assert stored.quotes.count() == 1
        assert not MergeRecord.objects.exists()

    def test_merge_does_not_make_a_scheduled_survivor_public(self, client, merger):
        """Merging does not leak: a survivor whose only story is scheduled stays
        out of the public API after absorbing a duplicate quoted there too."""
        later = timezone.now() + datetime.timedelta(days=1)
        article = ArticleFactory(published_at=later)
        survivor = PersonFactory(name="Ada Vance")
        duplicate = PersonFactory(name="A. Vance")
        article_services.quote_create(
            article=article, speaker=duplicate, text="we will build the bridge"
        )

        services.person_merge(survivor=survivor, duplicate=duplicate, user=merger)

        assert Quote.objects.get().speaker == survivor
        assert client.get("/api/v1/people/ada-vance/").status_code == 404

    def test_earlier_merges_follow_into_the_new_survivor(self, client, duplicate):
        """A record merged into the duplicate earlier now traces to the final
        survivor, and its old slug still leads there."""
        zhang = Person.objects.get(slug="zhang-hanhui")
        services.person_merge(
            survivor=duplicate, duplicate=PersonFactory(name="Zhang H.")
        )

        services.person_merge(survivor=zhang, duplicate=duplicate)

        assert set(MergeRecord.objects.values_list("old_slug", "survivor_person")) == {
            ("zhang-h", zhang.pk),
            ("zhang-han-hui", zhang.pk),
        }
        assert "Zhang H." in alias_names(zhang)
        response = client.get("/api/v1/people/zhang-h/")
        assert response.status_code == 301
        assert response["Location"].endswith("/api/v1/people/zhang-hanhui/")

    def test_roles_both_held_are_kept_once(self):
        """A role both records hold (same organisation, title and start) is
        kept once, not duplicated."""
        organisation = OrganisationFactory()
        survivor = PersonFactory(name="Ada Vance")
        duplicate = PersonFactory(name="A. Vance")
        for person in (survivor, duplicate):
            services.role_create(
                person=person,
                organisation=organisation,
                title="Director",
                start_date=datetime.date(2020, 1, 1),
            )

        services.person_merge(survivor=survivor, duplicate=duplicate)

        assert Role.objects.get().person == survivor
        assert alias_names(survivor) == {"A. Vance"}


class TestOrganisationMerge:
    @pytest.fixture
    def duplicate(self, seed_article):
        """A second Roscosmos, with quotes spoken for it and given to it,
        roles, mentions, agreement parties, a sub-organisation, an article it
        published and a status change it made."""
        russia = Organisation.objects.get(slug="russia")
        roscosmos = Organisation.objects.get(slug="roscosmos")
        duplicate = OrganisationFactory(
            name="Roskosmos",
            kind=OrganisationKind.AGENCY,
            parent=russia,
            aliases=["Federal Space Agency"],
        )
        dubrov = Person.objects.get(slug="pyotr-dubrov")
        rogozin = Person.objects.get(slug="dmitry-rogozin")
        spoken_for = article_services.quote_create(
            article=seed_article,
            speaker=dubrov,
            kind=QuoteKind.INDIRECT,
            text="the crew is ready for the Moon",
            organisation=duplicate,
        )
        given_to = article_services.quote_create(
            article=seed_article,
            speaker=rogozin,
            kind=QuoteKind.INDIRECT,
            text="cooperation with the West is over",
            outlet=duplicate,
        )
        role = services.role_create(
            person=rogozin, organisation=duplicate, title="Spokesman"
        )
        # The seed story mentions both; only the duplicate's mention is "about".
        ArticleOrganisation.objects.filter(
            article=seed_article, organisation=duplicate
        ).update(about=True)
        assert not ArticleOrganisation.objects.get(
            article=seed_article, organisation=roscosmos
        ).about
        shared = services.agreement_create(
            title="Joint lunar station",
            kind=AgreementKind.COOPERATION,
            parties=[(roscosmos, "signatory"), (duplicate, "party")],
        )
        own = services.agreement_create(
            title="Launch services contract",
            kind=AgreementKind.CONTRACT,
            parties=[(duplicate, "signatory")],
        )
        change = services.agreement_status_change_record(
            agreement=own,
            status=AgreementStatus.SUSPENDED,
            date=datetime.date(2022, 3, 1),
            party=duplicate,
        )
        child = OrganisationFactory(name="Cosmonaut Training Centre", parent=duplicate)
        published = ArticleFactory(headline="Agency announces crew", source=duplicate)
        duplicate.fixtures = {
            "spoken_for": spoken_for,
            "given_to": given_to,
            "role": role,
            "shared": shared,
            "own": own,
            "change": change,
            "child": child,
            "published": published,
        }
        return duplicate

    def test_everything_moves_to_the_survivor(self, seed_article, duplicate, merger):
        """Quotes spoken for and given to the duplicate, its roles, mentions,
        party memberships, status changes, published articles and
        sub-organisations all point to the survivor, and it is gone."""
        roscosmos = Organisation.objects.get(slug="roscosmos")
        parts = duplicate.fixtures
        duplicate_id = duplicate.pk

        services.organisation_merge(
            survivor=roscosmos, duplicate=duplicate, user=merger
        )

        assert not Organisation.objects.filter(pk=duplicate_id).exists()
        assert Quote.objects.get(pk=parts["spoken_for"].pk).organisation == roscosmos
        assert Quote.objects.get(pk=parts["given_to"].pk).outlet == roscosmos
        assert not Quote.objects.filter(organisation_id=duplicate_id).exists()
        assert not Quote.objects.filter(outlet_id=duplicate_id).exists()
        assert Role.objects.get(pk=parts["role"].pk).organisation == roscosmos
        mentions = ArticleOrganisation.objects.filter(
            article=seed_article, organisation=roscosmos
        )
        assert [mention.about for mention in mentions] == [True]
        assert not ArticleOrganisation.objects.filter(
            organisation_id=duplicate_id
        ).exists()
        shared_parties = AgreementParty.objects.filter(agreement=parts["shared"])
        assert [(p.organisation, p.role) for p in shared_parties] == [
            (roscosmos, "signatory")
        ]
        assert AgreementParty.objects.get(agreement=parts["own"]).organisation == (
            roscosmos
        )
        assert AgreementStatusChange.objects.get(pk=parts["change"].pk).party == (
            roscosmos
        )
        assert Organisation.objects.get(pk=parts["child"].pk).parent == roscosmos
        assert Article.objects.get(pk=parts["published"].pk).source == roscosmos

    def test_identity_is_absorbed_and_the_merge_recorded(self, duplicate, merger):
        """The duplicate's names become aliases, the survivor keeps its place
        in the hierarchy, and the merge is traced."""
        roscosmos = Organisation.objects.get(slug="roscosmos")
        duplicate_id = duplicate.pk

        record = services.organisation_merge(
            survivor=roscosmos, duplicate=duplicate, user=merger
        )

        roscosmos.refresh_from_db()
        assert {"Roskosmos", "Federal Space Agency"} <= alias_names(roscosmos)
        assert roscosmos.parent == Organisation.objects.get(slug="russia")
        assert (record.kind, record.old_id, record.old_slug) == (
            MergeKind.ORGANISATION,
            duplicate_id,
            "roskosmos",
        )
        assert (record.survivor_organisation, record.merged_by) == (roscosmos, merger)
        reason = "Merged Roskosmos (roskosmos) into Roscosmos"
        latest = roscosmos.history.latest("history_date")
        assert (latest.history_change_reason, latest.history_user) == (reason, merger)

    def test_api_shows_the_merged_name_as_an_alias(self, client, duplicate, merger):
        """Anonymously, the survivor's API record lists the merged name among
        its aliases, and the old slug leads to it."""
        roscosmos = Organisation.objects.get(slug="roscosmos")
        services.organisation_merge(
            survivor=roscosmos, duplicate=duplicate, user=merger
        )

        response = client.get("/api/v1/organisations/roscosmos/")

        assert response.status_code == 200
        assert {"Roskosmos", "Federal Space Agency"} <= set(response.json()["aliases"])
        old = client.get("/api/v1/organisations/roskosmos/")
        assert old.status_code == 301
        assert old["Location"].endswith("/api/v1/organisations/roscosmos/")

    def test_self_merge_is_refused_and_changes_nothing(self):
        """Merging an organisation with itself raises ValidationError and
        leaves it as it was."""
        agency = OrganisationFactory(name="Lunar Agency", aliases=["LA"])
        same = Organisation.objects.get(pk=agency.pk)

        with pytest.raises(ValidationError) as excinfo:
            services.organisation_merge(survivor=agency, duplicate=same)

        assert "duplicate" in excinfo.value.message_dict
        stored = Organisation.objects.get(pk=agency.pk)
        assert (stored.version, alias_names(stored)) == (1, {"LA"})
        assert not MergeRecord.objects.exists()

    def test_merging_an_ancestor_into_a_descendant_is_refused(self):
        """An organisation cannot be merged into one below its sub-organisation
        (that would make a cycle); all three stay as they were."""
        ministry = OrganisationFactory(name="Space Ministry")
        agency = OrganisationFactory(name="Space Agency", parent=ministry)
        office = OrganisationFactory(name="Launch Office", parent=agency)

        with pytest.raises(ValidationError) as excinfo:
            services.organisation_merge(survivor=office, duplicate=ministry)

        assert "survivor" in excinfo.value.message_dict
        assert Organisation.objects.count() == 3
        assert Organisation.objects.get(pk=office.pk).parent == agency
        assert Organisation.objects.get(pk=agency.pk).parent == ministry
        assert not MergeRecord.objects.exists()

    def test_merging_a_parent_into_its_child_takes_the_parents_place(self):
        """Merging a parent into its direct sub-organisation puts the survivor
        where the parent was and its siblings under it."""
        government = OrganisationFactory(name="Government")
        ministry = OrganisationFactory(name="Space Ministry", parent=government)
        agency = OrganisationFactory(name="Space Agency", parent=ministry)
        sibling = OrganisationFactory(name="Launch Office", parent=ministry)

        services.organisation_merge(survivor=agency, duplicate=ministry)

        assert not Organisation.objects.filter(pk=ministry.pk).exists()
        assert Organisation.objects.get(pk=agency.pk).parent == government
        assert Organisation.objects.get(pk=sibling.pk).parent == agency

    def test_merging_a_child_into_its_parent_lifts_the_grandchildren(self):
        """Merging a sub-organisation into its parent moves its own children
        up to the parent."""
        parent = OrganisationFactory(name="Space Ministry")
        child = OrganisationFactory(name="Space Dept", parent=parent)
        grandchild = OrganisationFactory(name="Launch Office", parent=child)

        services.organisation_merge(survivor=parent, duplicate=child)

        assert Organisation.objects.get(pk=grandchild.pk).parent == parent
        assert Organisation.objects.get(pk=parent.pk).parent is None


def run_merge(client, model, *records, **extra):
    data = {
        "action": "merge_selected",
        "_selected_action": [record.pk for record in records],
        **extra,
    }
    return client.post(admin_url(model, "changelist"), data, follow=True)


class TestMergeThroughTheAdmin:
    def test_two_selected_people_get_the_confirmation_page(self, merger_client):
        """Running the action on two people shows the page choosing which to
        keep, and merges nothing yet."""
        quoted = PersonFactory(name="Ada Vance")
        article_services.quote_create(
            article=ArticleFactory(), speaker=quoted, text="we will build the bridge"
        )
        other = PersonFactory(name="A. Vance")

        response = run_merge(merger_client, Person, other, quoted, index="0")

        assert response.status_code == 200
        assert response.redirect_chain == []
        assert "admin/entities/merge.html" in [t.name for t in response.templates]
        # The one with more quotes is offered first (and preselected).
        assert response.context["records"] == [quoted, other]
        html = response.content.decode()
        assert 'name="confirm" value="yes"' in html
        assert f'name="survivor" value="{quoted.pk}"' in html
        assert Person.objects.count() == 2
        assert not MergeRecord.objects.exists()

    def test_confirming_merges_into_the_chosen_survivor(self, merger_client, merger):
        """Posting the confirmation page with a survivor merges the other one
        into it and says so."""
        survivor = PersonFactory(name="Ada Vance")
        duplicate = PersonFactory(name="A. Vance")

        response = run_merge(
            merger_client,
            Person,
            survivor,
            duplicate,
            confirm="yes",
            survivor=str(survivor.pk),
        )

        assert response.status_code == 200
        assert response.redirect_chain == [(admin_url(Person, "changelist"), 302)]
        assert shown_messages(response) == [
            (
                messages.SUCCESS,
                "Merged A. Vance into Ada Vance (0 quotes, 0 mentions, 0 roles, "
                "0 bylines).",
            )
        ]
        assert list(Person.objects.all()) == [survivor]
        assert alias_names(survivor) == {"A. Vance"}
        record = MergeRecord.objects.get()
        assert (record.survivor_person, record.merged_by) == (survivor, merger)

    def test_confirming_merges_organisations(self, merger_client):
        """The organisation list merges the same way."""
        survivor = OrganisationFactory(name="Lunar Agency")
        duplicate = OrganisationFactory(name="Lunar Agcy")

        response = run_merge(
            merger_client,
            Organisation,
            survivor,
            duplicate,
            confirm="yes",
            survivor=str(survivor.pk),
        )

        assert response.status_code == 200
        assert [level for level, _ in shown_messages(response)] == [messages.SUCCESS]
        assert list(Organisation.objects.all()) == [survivor]
        assert alias_names(survivor) == {"Lunar Agcy"}

    def test_survivor_not_among_the_selected_is_refused(self, merger_client):
        """A survivor that is not one of the two selected merges nothing."""
        first = PersonFactory(name="Ada Vance")
        second = PersonFactory(name="A. Vance")
        third = PersonFactory(name="Omar Reyes")

        response = run_merge(
            merger_client, Person, first, second, confirm="yes", survivor=str(third.pk)
        )

        assert response.status_code == 200
        assert shown_messages(response) == [
            (messages.ERROR, "Choose the record to keep.")
        ]
        assert Person.objects.count() == 3
        assert not MergeRecord.objects.exists()

    @pytest.mark.parametrize("count", [1, 3])
    def test_selecting_other_than_two_is_refused(self, merger_client, count):
        """Selecting one or three people shows an error and merges nothing."""
        people = [PersonFactory() for _ in range(count)]

        response = run_merge(merger_client, Person, *people, index="0")

        assert response.status_code == 200
        assert response.redirect_chain == [(admin_url(Person, "changelist"), 302)]
        assert shown_messages(response) == [
            (messages.ERROR, "Select exactly two records to merge.")
        ]
        assert Person.objects.count() == count
        assert not MergeRecord.objects.exists()

    def test_confirmation_with_three_selected_is_refused(self, merger_client):
        """A forged confirmation naming three records merges nothing."""
        people = [PersonFactory() for _ in range(3)]

        response = run_merge(
            merger_client,
            Person,
            *people,
            confirm="yes",
            survivor=str(people[0].pk),
        )

        assert response.status_code == 200
        assert shown_messages(response) == [
            (messages.ERROR, "Select exactly two records to merge.")
        ]
        assert Person.objects.count() == 3


def visible_text(response) -> str:
    """What an editor reads on the page: the text outside tags, scripts and
    styles."""
    html = re.sub(
        r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S
    )
    return re.sub(r"<[^>]+>", " ", html)


class TestDuplicateWarning:
    @pytest.fixture
    def zhang(self):
        return PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])

    def add_person(self, client, **fields):
        page = client.get(admin_url(Person, "add"))
        assert page.status_code == 200
        assert 'name="not_a_duplicate"' in page.content.decode()
        data = form_post_data(page)
        data.update({"slug": "", "description": "", **fields})
        return client.post(admin_url(Person, "add"), data)

    @pytest.mark.parametrize(
        "name", ["Hanhui", "hanhui ", "ZHANG HANHUI", "zhang  han-hui", "Zhāng Hànhuì"]
    )
    def test_name_matching_an_alias_or_name_is_refused_once(
        self, merger_client, zhang, name
    ):
        """A new person named like an existing one's name or alias (case,
        spacing, punctuation and accents aside) is refused with a link to the
        existing record's change page."""
        response = self.add_person(merger_client, name=name)

        assert response.status_code == 200
        errors = field_errors(response, "name")
        assert len(errors) == 1
        assert errors[0].startswith("Possible duplicate of")
        link = reverse("admin:entities_person_change", args=[zhang.pk])
        assert f'<a href="{link}" target="_blank">Zhang Hanhui</a>' in errors[0]
        assert link in response.content.decode()
        assert list(Person.objects.all()) == [zhang]

    def test_ticking_not_a_duplicate_saves(self, merger_client, zhang):
        """With "Not a duplicate" ticked the same person is saved."""
        response = self.add_person(merger_client, name="Hanhui", not_a_duplicate="on")

        assert response.status_code == 302
        created = Person.objects.exclude(pk=zhang.pk).get()
        assert (created.name, created.slug) == ("Hanhui", "hanhui")
        assert alias_names(zhang) == {"Hanhui"}

    def test_unrelated_name_is_saved_without_a_warning(self, merger_client, zhang):
        """A name matching nobody is saved at the first attempt."""
        response = self.add_person(merger_client, name="Omar Reyes")

        assert response.status_code == 302
        assert Person.objects.filter(name="Omar Reyes").exists()

    def test_namesake_gets_a_numbered_web_address(self, merger_client):
        """ "charles  bolden" beside Charles Bolden: refused once with the
        link, then, ticked, saved as a distinct person with the next free
        web address; no message speaks of a slug."""
        bolden = PersonFactory(name="Charles Bolden")

        refused = self.add_person(merger_client, name="charles  bolden")

        assert refused.status_code == 200
        link = reverse("admin:entities_person_change", args=[bolden.pk])
        [error] = field_errors(refused, "name")
        assert f'<a href="{link}" target="_blank">Charles Bolden</a>' in error
        assert "slug" not in visible_text(refused).lower()
        saved = self.add_person(
            merger_client, name="charles  bolden", not_a_duplicate="on"
        )
        assert saved.status_code == 302
        namesake = Person.objects.exclude(pk=bolden.pk).get()
        assert namesake.slug == "charles-bolden-2"

    def test_taken_web_address_links_its_record(self, merger_client, zhang):
        """A web address typed that another record has is refused with a link
        to that record, in the editors' words."""
        response = self.add_person(merger_client, name="Omar Reyes", slug=zhang.slug)

        assert response.status_code == 200
        link = reverse("admin:entities_person_change", args=[zhang.pk])
        assert field_errors(response, "slug") == [
            f'<a href="{link}" target="_blank">Zhang Hanhui</a> already has this '
            "web address. Choose another, or leave it empty to have one made "
            "from the name."
        ]
        assert list(Person.objects.all()) == [zhang]

    def test_renaming_to_anothers_name_asks_too(self, merger_client, zhang):
        """Renaming a person to another's name is refused the same way, and
        saved once ticked."""
        other = PersonFactory(name="Omar Reyes")
        page = merger_client.get(admin_url(Person, "change", other.pk))
        data = form_post_data(page)
        data["name"] = "Zhang  Hanhui"

        refused = merger_client.post(admin_url(Person, "change", other.pk), data)

        assert refused.status_code == 200
        assert field_errors(refused, "name")[0].startswith("Possible duplicate of")
        assert Person.objects.get(pk=other.pk).name == "Omar Reyes"
        data["not_a_duplicate"] = "on"
        saved = merger_client.post(admin_url(Person, "change", other.pk), data)
        assert saved.status_code == 302
        assert Person.objects.get(pk=other.pk).name == "Zhang  Hanhui"

    def test_editing_an_existing_person_is_not_warned(self, merger_client, zhang):
        """Saving the existing person (whose name matches itself) goes
        through without the question."""
        page = merger_client.get(admin_url(Person, "change", zhang.pk))
        data = form_post_data(page)
        data["description"] = "China's ambassador"

        response = merger_client.post(admin_url(Person, "change", zhang.pk), data)

        assert response.status_code == 302
        assert Person.objects.get(pk=zhang.pk).description == "China's ambassador"

    def test_organisation_named_like_an_alias_is_refused_once(self, merger_client):
        """Organisations are warned the same way, and saved once ticked."""
        roscosmos = OrganisationFactory(
            name="Roscosmos", aliases=["Russian space agency"]
        )
        page = merger_client.get(admin_url(Organisation, "add"))
        data = form_post_data(page)
        data.update({"name": "Russian Space Agency", "slug": "", "kind": "agency"})

        refused = merger_client.post(admin_url(Organisation, "add"), data)

        assert refused.status_code == 200
        link = reverse("admin:entities_organisation_change", args=[roscosmos.pk])
        assert link in " ".join(field_errors(refused, "name"))
        assert list(Organisation.objects.all()) == [roscosmos]
        data["not_a_duplicate"] = "on"
        saved = merger_client.post(admin_url(Organisation, "add"), data)
        assert saved.status_code == 302
        assert Organisation.objects.filter(name="Russian Space Agency").exists()
