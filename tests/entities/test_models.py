"""The registry's integrity: each rule refuses bad data with a clear error,
through the services (ValidationError naming the field) and, where a
constraint can hold it, in the database itself (IntegrityError)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from entities import services
from entities.models import (
    Agreement,
    Organisation,
    OrganisationKind,
    Person,
    PersonAlias,
    Role,
)
from tests.factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db


def field_errors(excinfo) -> dict:
    return excinfo.value.message_dict


class TestSlugs:
    def test_slug_defaults_to_slugified_name(self):
        """Slugs are the public identifiers: slugify(name) unless given."""
        assert services.person_create(name="Zhang Hanhui").slug == "zhang-hanhui"
        russia = services.organisation_create(name="Russia", kind="state")
        assert russia.slug == "russia"

    def test_likely_duplicate_name_refused_by_service(self):
        """A second person whose name folds like the first's is refused on
        the name, whatever slug it brings; confirmed, it gets the next free
        slug."""
        first = services.person_create(name="Dmitry Rogozin")
        for slug in ("", "another-rogozin"):
            with pytest.raises(ValidationError) as excinfo:
                services.person_create(name="dmitry  ROGOZIN", slug=slug)
            assert list(field_errors(excinfo)) == ["name"]
            assert field_errors(excinfo)["name"] == [
                "Possible duplicate of Dmitry Rogozin. If this is another person, "
                "confirm that it is not a duplicate."
            ]
        assert list(Person.objects.all()) == [first]
        second = services.person_create(name="Dmitry Rogozin", not_a_duplicate=True)
        third = services.person_create(name="Dmitry Rogozin", not_a_duplicate=True)
        assert (second.slug, third.slug) == ("dmitry-rogozin-2", "dmitry-rogozin-3")

    def test_taken_explicit_slug_refused_by_service(self):
        """A slug given explicitly that another record has is refused on the
        slug field (only an empty one is made unique)."""
        services.person_create(name="Dmitry Rogozin")
        with pytest.raises(ValidationError) as excinfo:
            services.person_create(name="Someone Else", slug="dmitry-rogozin")
        assert "already uses this slug" in field_errors(excinfo)["slug"][0]
        assert Person.objects.count() == 1

    def test_duplicate_slug_refused_by_database(self):
        """The database itself holds slugs unique."""
        PersonFactory(name="Pyotr Dubrov")
        with pytest.raises(IntegrityError), transaction.atomic():
            Person.objects.create(name="Other", slug="pyotr-dubrov")

    def test_name_without_slug_characters_gets_the_kinds_slug(self):
        """A name that gives no slug gets the kind's, numbered when taken."""
        assert services.person_create(name="张汉晖").slug == "person"
        other = services.person_create(name="李强")
        assert other.slug == "person-2"
        assert services.person_create(name="张汉晖", slug="zhang", not_a_duplicate=True)


class TestWikidataId:
    @pytest.mark.parametrize("bad", ["159", "q159", "Q", "Q0159", "Q15 9", "P31"])
    def test_malformed_id_refused_by_service(self, bad):
        """A Wikidata id is Q followed by digits, or nothing."""
        with pytest.raises(ValidationError) as excinfo:
            services.organisation_create(name="Russia", kind="state", wikidata_id=bad)
        assert "wikidata_id" in field_errors(excinfo)
        assert not Organisation.objects.exists()

    def test_malformed_id_refused_by_database(self):
        """The format is a check constraint, not only a form rule."""
        with pytest.raises(IntegrityError), transaction.atomic():
            Person.objects.create(name="X", slug="x", wikidata_id="X12")

    def test_same_id_on_two_records_refused(self):
        """One Wikidata item is one registry record."""
        services.organisation_create(name="Russia", kind="state", wikidata_id="Q159")
        with pytest.raises(ValidationError) as excinfo:
            services.organisation_create(
                name="Russian Federation", kind="state", wikidata_id="Q159"
            )
        assert "Wikidata id" in str(excinfo.value)

    def test_empty_id_is_allowed_many_times(self):
        """Records without a Wikidata id do not collide."""
        PersonFactory(name="A")
        PersonFactory(name="B")
        assert Person.objects.filter(wikidata_id="").count() == 2


class TestRoles:
    def test_role_ending_before_it_starts_refused_by_service(self):
        """A role cannot end before it starts: error on end_date."""
        person, organisation = PersonFactory(), OrganisationFactory()
        with pytest.raises(ValidationError) as excinfo:
            services.role_create(
                person=person,
                organisation=organisation,
                title="Director General",
                start_date=datetime.date(2022, 7, 15),
                end_date=datetime.date(2018, 5, 24),
            )
        assert field_errors(excinfo)["end_date"] == [
            "A role cannot end before it starts."
        ]
        assert not Role.objects.exists()

    def test_role_ending_before_it_starts_refused_by_database(self):
        """The date order is a check constraint."""
        person, organisation = PersonFactory(), OrganisationFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Role.objects.create(
                person=person,
                organisation=organisation,
                title="X",
                start_date=datetime.date(2022, 1, 2),
                end_date=datetime.date(2022, 1, 1),
            )

    def test_one_day_role_is_allowed(self):
        """Start and end on the same day is a valid role."""
        day = datetime.date(2022, 1, 1)
        role = RoleFactory(start_date=day, end_date=day)
        assert role.pk

    def test_held_on(self):
        """held_on() includes open-ended and bounded roles covering the day."""
        RoleFactory(title="Open")
        RoleFactory(
            title="Past",
            start_date=datetime.date(2010, 1, 1),
            end_date=datetime.date(2012, 1, 1),
        )
        RoleFactory(title="Current", start_date=datetime.date(2020, 1, 1))
        titles = set(
            Role.objects.held_on(datetime.date(2022, 5, 3)).values_list(
                "title", flat=True
            )
        )
        assert titles == {"Open", "Current"}


class TestOrganisationHierarchy:
    def test_organisation_cannot_be_its_own_parent(self):
        """Self-parenthood is refused on the parent field."""
        russia = OrganisationFactory(name="Russia", kind=OrganisationKind.STATE)
        russia.parent = russia
        with pytest.raises(ValidationError) as excinfo:
            services.organisation_save(organisation=russia)
        assert "parent" in field_errors(excinfo)

    def test_organisation_cannot_be_its_own_ancestor(self):
        """A cycle through the parent chain is refused, and nothing changes."""
        russia = OrganisationFactory(name="Russia", kind=OrganisationKind.STATE)
        roscosmos = OrganisationFactory(name="Roscosmos", parent=russia)
        centre = OrganisationFactory(name="Training Centre", parent=roscosmos)
        russia.parent = centre
        with pytest.raises(ValidationError) as excinfo:
            services.organisation_save(organisation=russia)
        assert "sub-organisations" in field_errors(excinfo)["parent"][0]
        russia.refresh_from_db()
        assert russia.parent is None

    def test_own_parent_refused_by_database(self):
        """The direct self-reference is a check constraint too."""
        russia = OrganisationFactory(name="Russia")
        with pytest.raises(IntegrityError), transaction.atomic():
            Organisation.objects.filter(pk=russia.pk).update(parent=russia)

    def test_ancestors(self):
        """ancestors() walks up, nearest first."""
        russia = OrganisationFactory(name="Russia")
        roscosmos = OrganisationFactory(name="Roscosmos", parent=russia)
        centre = OrganisationFactory(name="Training Centre", parent=roscosmos)
        assert centre.ancestors() == [roscosmos, russia]


class TestAliases:
    def test_aliases_are_found_by_matching_name(self):
        """A partial name used in copy finds the person."""
        zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
        assert list(Person.objects.matching_name("hanhui")) == [zhang]
        assert list(Person.objects.matching_name("Zhang Hanhui ")) == [zhang]

    def test_duplicate_alias_ignoring_case_is_refused_by_database(self):
        """An alias is unique per person, ignoring case."""
        zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
        with pytest.raises(IntegrityError), transaction.atomic():
            PersonAlias.objects.create(person=zhang, name="HANHUI")

    def test_service_skips_known_aliases(self):
        """Adding aliases again (or the name itself) adds nothing twice."""
        zhang = PersonFactory(name="Zhang Hanhui", aliases=["Hanhui"])
        services.person_save(person=zhang, aliases=["hanhui", "Zhang Hanhui", "Zhang"])
        assert sorted(zhang.aliases.values_list("name", flat=True)) == [
            "Hanhui",
            "Zhang",
        ]


class TestDeletion:
    def test_quoted_person_cannot_be_deleted(self):
        """Deleting a quoted person must not silently delete their quotes."""
        quote = QuoteFactory()
        with pytest.raises(ProtectedError):
            quote.speaker.delete()
        assert Person.objects.filter(pk=quote.speaker_id).exists()

    def test_organisation_with_roles_or_children_cannot_be_deleted(self):
        """Organisations that others depend on are protected."""
        role = RoleFactory()
        child = OrganisationFactory(parent=role.organisation)
        with pytest.raises(ProtectedError):
            role.organisation.delete()
        with pytest.raises(ProtectedError):
            child.parent.delete()

    def test_cited_article_cannot_be_deleted(self):
        """An article cited by an agreement's status history is evidence."""
        article = ArticleFactory()
        agreement = services.agreement_create(title="Pact", kind="treaty")
        services.agreement_status_change_record(
            agreement=agreement,
            status="signed",
            date=datetime.date(2017, 1, 1),
            article=article,
        )
        with pytest.raises(ProtectedError):
            article.delete()


class TestAgreements:
    def test_status_follows_latest_change(self):
        """Recording a status change updates the agreement's current status
        to the latest change by date, whatever order they are entered in."""
        agreement = services.agreement_create(title="Pact", kind="treaty")
        services.agreement_status_change_record(
            agreement=agreement, status="in_force", date=datetime.date(2020, 1, 1)
        )
        services.agreement_status_change_record(
            agreement=agreement, status="signed", date=datetime.date(2019, 1, 1)
        )
        agreement.refresh_from_db()
        assert agreement.status == "in_force"
        services.agreement_status_change_record(
            agreement=agreement, status="suspended", date=datetime.date(2022, 3, 1)
        )
        agreement.refresh_from_db()
        assert agreement.status == "suspended"

    def test_party_listed_once(self):
        """An organisation is a party to an agreement once."""
        china = OrganisationFactory(name="China")
        agreement = services.agreement_create(
            title="Pact", kind="treaty", parties=[(china, "signatory")]
        )
        with pytest.raises(ValidationError):
            services.agreement_party_add(agreement=agreement, organisation=china)
        assert agreement.parties.count() == 1

    def test_with_all_parties(self):
        """with_all_parties() needs every named party, not any."""
        china, russia, usa = (OrganisationFactory(name=n) for n in ("C", "R", "U"))
        both = services.agreement_create(
            title="Both", kind="treaty", parties=[(china, "party"), (russia, "party")]
        )
        services.agreement_create(
            title="Other", kind="treaty", parties=[(russia, "party"), (usa, "party")]
        )
        assert list(Agreement.objects.with_all_parties([china, russia])) == [both]
