"""Accepting the extraction assistant's proposals: what an editor confirmed
on the review screen becomes quotes, people, roles, organisations and
mentions, through the same services manual entry uses.

Nothing of a proposal is stored before it is accepted, and the acceptance is
all or nothing: every accepted proposal is applied in one transaction, and if
any of them is refused (a direct quote whose words are not in the body, a
role without an organisation) none is saved and each refusal is reported
under the ``ref`` of the proposal it belongs to, so the editor can correct
that row and submit again.

A proposed new person or organisation whose name is already a record's name
or alias is that record: it is linked, never duplicated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from entities import services as entity_services
from entities.models import (
    Agreement,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)

from . import services
from .models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePerson,
    Quote,
    QuoteKind,
)


@dataclass(eq=False)
class NewOrganisation:
    """An organisation the story names that the registry does not know."""

    ref: str
    name: str
    kind: str = OrganisationKind.OTHER
    # Other names the story gives it ("ESA" after "European Space Agency").
    aliases: list[str] = field(default_factory=list)


@dataclass(eq=False)
class NewPerson:
    """A person the story names that the registry does not know, with the
    role it describes ("Russian space agency Roscosmos' Director General")."""

    ref: str
    name: str
    description: str = ""
    role_title: str = ""
    role_organisation: Organisation | NewOrganisation | None = None


@dataclass(eq=False)
class AcceptedQuote:
    ref: str
    text: str
    # None for an unnamed source, described in ``source_description``.
    speaker: Person | NewPerson | None
    kind: str = QuoteKind.DIRECT
    source_description: str = ""
    cue: str = ""
    outlet: Organisation | NewOrganisation | None = None
    organisation: Organisation | NewOrganisation | None = None
    # Where the words were found: which occurrence is meant when they occur
    # more than once in the body.
    start: int | None = None


@dataclass(eq=False)
class AcceptedMention:
    ref: str
    entity: Person | Organisation | Agreement | NewPerson | NewOrganisation


@dataclass
class Applied:
    """What accepting created or linked."""

    quotes: list[Quote] = field(default_factory=list)
    people_created: list[Person] = field(default_factory=list)
    people_linked: list[Person] = field(default_factory=list)
    organisations_created: list[Organisation] = field(default_factory=list)
    organisations_linked: list[Organisation] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: int = 0

    def summary(self) -> str:
        parts = [
            (len(self.quotes), "quote", "quotes"),
            (len(self.people_created), "new person", "new people"),
            (len(self.roles), "role", "roles"),
            (len(self.organisations_created), "new organisation", "new organisations"),
            (self.mentions, "mention", "mentions"),
        ]
        said = [f"{n} {one if n == 1 else many}" for n, one, many in parts if n]
        return ", ".join(said) or "nothing"


class ProposalsRefused(ValidationError):
    """Some accepted proposals could not be applied; nothing was saved.
    ``by_ref`` holds each refused proposal's errors by field name."""

    def __init__(self, by_ref: dict[str, dict[str, list[str]]]):
        self.by_ref = by_ref
        count = len(by_ref)
        super().__init__(
            f"{count} accepted proposal{'s' if count != 1 else ''} could not be "
            "saved; nothing was saved. Correct the rows marked and save again.",
            code="proposals_refused",
        )


class _Refused(Exception):
    """One proposal refused: its errors by field."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors


# A service's field names -> the proposal's, for errors an editor must see
# next to what they can change.
_PERSON_FIELDS = {"name": "name", "slug": "name", "description": "description"}
_ROLE_FIELDS = {"title": "role_title", "organisation": "role_organisation"}
_ORGANISATION_FIELDS = {"name": "name", "slug": "name", "kind": "kind"}
_QUOTE_FIELDS = {
    "text": "text",
    "start": "text",
    "end": "text",
    "kind": "kind",
    "speaker": "speaker",
    "source_description": "source_description",
    "organisation": "organisation",
    "outlet": "outlet",
    "cue": "cue",
}

_MENTION_PERMISSIONS = {
    Person: "articles.add_articleperson",
    Organisation: "articles.add_articleorganisation",
    Agreement: "articles.add_articleagreement",
}


def _errors(error: ValidationError, names: dict[str, str]) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {NON_FIELD_ERRORS: list(error.messages)}
    found: dict[str, list[str]] = {}
    for name, messages in error.message_dict.items():
        found.setdefault(names.get(name, NON_FIELD_ERRORS), []).extend(messages)
    return found


class _Applier:
    """Resolves references to records first, each creation in its own
    savepoint, then writes each proposal in another: a refused quote rolls
    back only itself, never a person another quote still refers to."""

    def __init__(self, article: Article, user):
        self.article = article
        self.user = user
        self.applied = Applied()
        self.refused: dict[str, dict[str, list[str]]] = {}
        self.records: dict[int, Person | Organisation | _Refused] = {}

    def may(self, permission: str, noun: str) -> None:
        if self.user is not None and not self.user.has_perm(permission):
            raise _Refused(
                {NON_FIELD_ERRORS: [f"You may not add {noun}: ask an editor."]}
            )

    def refuse(self, ref: str, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            self.refused.setdefault(ref, {}).setdefault(name, []).extend(messages)

    def step(self, ref: str, apply) -> None:
        """Run one proposal's write in a savepoint; a refusal is recorded
        under ``ref`` and the next proposal is tried, so every refusal is
        reported at once (the whole acceptance is rolled back anyway)."""
        try:
            with transaction.atomic():
                apply()
        except _Refused as refused:
            self.refuse(ref, refused.errors)

    # -- registry ------------------------------------------------------------

    def resolve(self, item, *, field_name: str):
        """The record a reference names, creating a proposed new one the
        first time it is needed. A new record that cannot be created is
        refused on its own row; ``field_name`` of the referring row says so."""
        if item is None or isinstance(item, Person | Organisation | Agreement):
            return item
        if id(item) not in self.records:
            create = (
                self._create_person
                if isinstance(item, NewPerson)
                else self._create_organisation
            )
            try:
                self.records[id(item)] = create(item)
            except _Refused as refused:
                self.records[id(item)] = refused
                self.refuse(item.ref, refused.errors)
        found = self.records[id(item)]
        if isinstance(found, _Refused):
            raise _Refused(
                {field_name: [f"{item.name} could not be added: see that row."]}
            )
        return found

    def _create_organisation(self, item: NewOrganisation) -> Organisation:
        name = item.name.strip()
        if not name:
            raise _Refused({"name": ["Enter the organisation's name."]})
        existing = Organisation.objects.matching_name(name).first()
        if existing is not None:
            self.applied.organisations_linked.append(existing)
            return existing
        self.may("entities.add_organisation", "organisations")
        try:
            with transaction.atomic():
                created = entity_services.organisation_create(
                    name=name, kind=item.kind, aliases=item.aliases
                )
        except ValidationError as error:
            raise _Refused(_errors(error, _ORGANISATION_FIELDS)) from None
        self.applied.organisations_created.append(created)
        return created

    def _create_person(self, item: NewPerson) -> Person:
        name = item.name.strip()
        title = item.role_title.strip()
        errors: dict[str, list[str]] = {}
        if not name:
            errors["name"] = ["Enter the person's name."]
        if title and item.role_organisation is None:
            errors["role_organisation"] = [
                "Choose the organisation in which the title is held, or clear "
                "the title."
            ]
        if item.role_organisation is not None and not title:
            errors["role_title"] = [
                "Enter the title held there, or clear the organisation."
            ]
        organisation = None
        if not errors:
            try:
                organisation = self.resolve(
                    item.role_organisation, field_name="role_organisation"
                )
            except _Refused as refused:
                errors.update(refused.errors)
        if errors:
            raise _Refused(errors)
        # Someone the registry knows by this name or alias is that person.
        person = Person.objects.matching_name(name).first()
        with transaction.atomic():
            if person is None:
                self.may("entities.add_person", "people")
                try:
                    person = entity_services.person_create(
                        name=name, description=item.description.strip()
                    )
                except ValidationError as error:
                    raise _Refused(_errors(error, _PERSON_FIELDS)) from None
                created = True
            else:
                created = False
            role = None
            if organisation is not None and not (
                Role.objects.filter(
                    person=person, organisation=organisation, title__iexact=title
                ).exists()
            ):
                self.may("entities.add_role", "roles")
                try:
                    role = entity_services.role_create(
                        person=person, organisation=organisation, title=title
                    )
                except ValidationError as error:
                    raise _Refused(_errors(error, _ROLE_FIELDS)) from None
        if created:
            self.applied.people_created.append(person)
        else:
            self.applied.people_linked.append(person)
        if role is not None:
            self.applied.roles.append(role)
        return person

    # -- the story -------------------------------------------------------------

    def mention(self, ref: str, entity) -> None:
        try:
            entity = self.resolve(entity, field_name=NON_FIELD_ERRORS)
        except _Refused as refused:
            # A new record refused on this very row is reported once.
            if ref != getattr(entity, "ref", None):
                self.refuse(ref, refused.errors)
            return
        self.step(ref, lambda: self._mention(entity))

    def _mention(self, entity) -> None:
        model = {
            Person: ArticlePerson,
            Organisation: ArticleOrganisation,
            Agreement: ArticleAgreement,
        }[type(entity)]
        field_name = type(entity)._meta.model_name
        if model.objects.filter(article=self.article, **{field_name: entity}).exists():
            return
        self.may(_MENTION_PERMISSIONS[type(entity)], "mentions")
        try:
            services.article_mention_add(article=self.article, entity=entity)
        except ValidationError as error:
            raise _Refused(_errors(error, {})) from None

    def quote(self, item: AcceptedQuote) -> None:
        # Each reference is resolved even after one fails, so every field
        # the editor must correct is named at once.
        errors: dict[str, list[str]] = {}
        resolved = {}
        for name in ("speaker", "organisation", "outlet"):
            try:
                resolved[name] = self.resolve(getattr(item, name), field_name=name)
            except _Refused as refused:
                errors.update(refused.errors)
        if errors:
            self.refuse(item.ref, errors)
            return
        self.step(item.ref, lambda: self._quote(item, resolved))

    def _quote(self, item: AcceptedQuote, resolved: dict) -> None:
        self.may("articles.add_quote", "quotes")
        quote = Quote(
            article=self.article,
            text=item.text,
            kind=item.kind,
            cue=item.cue.strip(),
            start=item.start,
            source_description=item.source_description,
            **resolved,
        )
        try:
            services.quote_save(quote=quote)
        except ValidationError as error:
            raise _Refused(_errors(error, _QUOTE_FIELDS)) from None
        self.applied.quotes.append(quote)


def _mention_count(article: Article) -> int:
    return sum(
        model.objects.filter(article=article).count()
        for model in (ArticlePerson, ArticleOrganisation, ArticleAgreement)
    )


def proposals_apply(
    *,
    article: Article,
    user=None,
    quotes: Iterable[AcceptedQuote] = (),
    people: Iterable[NewPerson] = (),
    organisations: Iterable[NewOrganisation] = (),
    mentions: Iterable[AcceptedMention] = (),
) -> Applied:
    """Apply what an editor accepted on the review screen of ``article``.

    ``people`` and ``organisations`` are proposed new records the editor
    accepted; each is created (or linked, when its name is already known)
    and mentioned by the article. A quote or role may also refer to a new
    record the editor left undecided: it is created when first needed.
    ``user`` (None for scripts) must be allowed to edit the article and to
    add what is created.

    All or nothing: raises ``ProposalsRefused`` with every refusal by the
    ``ref`` of its proposal, having saved nothing.
    """
    if user is not None and not services.article_can_edit(article=article, user=user):
        raise services.WorkflowError(
            f"“{article}” is {article.get_status_display().lower()}: only "
            "editors can change it now.",
            code="permission_denied",
        )
    applier = _Applier(article, user)
    with transaction.atomic():
        mentioned = _mention_count(article)
        for organisation in organisations:
            applier.mention(organisation.ref, organisation)
        for person in people:
            applier.mention(person.ref, person)
        for quote in quotes:
            applier.quote(quote)
        for mention in mentions:
            applier.mention(mention.ref, mention.entity)
        if applier.refused:
            raise ProposalsRefused(applier.refused)
        applier.applied.mentions = _mention_count(article) - mentioned
    return applier.applied
