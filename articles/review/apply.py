"""Submitting a review: the decisions on the review's bound forms become
the accepted quotes, people, organisations and mentions that
``articles.proposals.proposals_apply`` saves, or errors on the forms (nothing
saved)."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS

from entities.models import Organisation, Person

from ..proposals import (
    AcceptedMention,
    AcceptedQuote,
    Applied,
    NewOrganisation,
    NewPerson,
    ProposalsRefused,
    proposals_apply,
)
from .forms import NEW
from .rows import OrganisationRow, PersonRow, Review


def _records(model, values: set[str]) -> dict[str, object]:
    prefix = f"{model._meta.model_name}:"
    ids = {
        int(v[len(prefix) :])
        for v in values
        if v.startswith(prefix) and v[len(prefix) :].isdigit()
    }
    name = model._meta.model_name
    return {f"{name}:{pk}": record for pk, record in model.objects.in_bulk(ids).items()}


def review_apply(*, review: Review, user) -> Applied | None:
    """Apply the decisions the review's bound forms carry: the accepted
    proposals, through ``proposals_apply``. Returns what was applied, or
    ``None`` with the errors on the forms (nothing saved)."""
    if not all(form.is_valid() for form in review.forms()):
        return None
    data = {row.prefix: row.form.cleaned_data for row in review.rows() if row.form}
    # Each speaker typed or picked: a person the story names, a registry
    # record of that name or alias, or else someone new.
    speakers: dict[str, str | Person | None] = {}
    for row in review.quotes:
        if row.form is not None and row.form.accepted():
            speakers[row.prefix] = _speaker_value(review, data[row.prefix]["speaker"])
    values = {
        value
        for cleaned in data.values()
        for name in ("outlet", "organisation", "role_organisation")
        if (value := cleaned.get(name))
    } | {value for value in speakers.values() if isinstance(value, str)}
    records = {**_records(Person, values), **_records(Organisation, values)}

    new_organisations: dict[str, tuple[NewOrganisation, OrganisationRow]] = {}
    for row in review.organisations:
        cleaned = data[row.prefix]
        item = NewOrganisation(
            ref=row.prefix,
            name=cleaned["name"],
            kind=cleaned["kind"],
            aliases=[a for a in row.proposal.aliases if a != cleaned["name"]],
        )
        new_organisations[row.proposal.key] = (item, row)

    errors: dict[str, dict[str, list[str]]] = {}

    def refer(value: str, ref: str, field_name: str):
        """The record or proposed new record a choice names."""
        if not value:
            return None
        if value.startswith(NEW):
            key = value[len(NEW) :]
            found = new_organisations.get(key) or new_people.get(key)
            if found is None:
                errors.setdefault(ref, {})[field_name] = [
                    "This is no longer proposed; choose again."
                ]
                return None
            item, row = found
            if row.form.rejected():
                errors.setdefault(ref, {})[field_name] = [
                    f"You rejected {item.name} (new) below: accept them, leave "
                    "them undecided, or choose another."
                ]
            return item
        record = records.get(value)
        if record is None:
            errors.setdefault(ref, {})[field_name] = [
                "That record no longer exists; choose again."
            ]
        return record

    new_people: dict[str, tuple[NewPerson, PersonRow]] = {}
    for row in review.people:
        cleaned = data[row.prefix]
        item = NewPerson(
            ref=row.prefix,
            name=cleaned["name"],
            description=cleaned["description"],
            role_title=cleaned["role_title"],
        )
        new_people[row.proposal.key] = (item, row)
    for item, row in new_people.values():
        value = data[row.prefix]["role_organisation"]
        if not row.form.rejected():
            item.role_organisation = refer(value, row.prefix, "role_organisation")

    quotes = []
    for row in review.quotes:
        if row.form is None or not row.form.accepted():
            continue
        cleaned = data[row.prefix]
        chosen = speakers[row.prefix]
        name = " ".join(cleaned["speaker"].split())
        if chosen is None:
            speaker = NewPerson(ref=row.prefix, name=name) if name else None
        elif isinstance(chosen, str):
            speaker = refer(chosen, row.prefix, "speaker")
        else:
            speaker = chosen
        organisation = cleaned["organisation"]
        initial = row.form.initial
        if " ".join(
            initial.get("speaker", "").split()
        ).casefold() != name.casefold() and organisation == initial.get(
            "organisation", ""
        ):
            # A corrected speaker speaks for their own organisation, not the
            # one proposed for the speaker they replace (the review script
            # does the same on screen).
            organisation = dict(review.speakers).get(
                next(
                    (
                        n
                        for n in dict(review.speakers)
                        if n.casefold() == name.casefold()
                    ),
                    "",
                ),
                "",
            )
        quotes.append(
            AcceptedQuote(
                ref=row.prefix,
                text=cleaned["text"],
                kind=cleaned["kind"],
                speaker=speaker,
                source_description=""
                if speaker is not None
                else " ".join(cleaned["source_description"].split()),
                cue=cleaned["cue"],
                outlet=refer(cleaned["outlet"], row.prefix, "outlet"),
                organisation=refer(organisation, row.prefix, "organisation"),
                start=row.proposal.start,
            )
        )
    people = [item for item, row in new_people.values() if row.form.accepted()]
    # A role's organisation errors matter only for people being added.
    for item, row in new_people.values():
        if not (row.form.accepted() or any(q.speaker is item for q in quotes)):
            errors.pop(row.prefix, None)
    organisations = [
        item for item, row in new_organisations.values() if row.form.accepted()
    ]
    mentions = [
        AcceptedMention(ref=row.prefix, entity=row.record)
        for row in review.mentions
        if row.form is not None and row.form.accepted()
    ]
    if errors:
        _show(review, errors)
        return None
    try:
        return proposals_apply(
            article=review.article,
            user=user,
            quotes=quotes,
            people=people,
            organisations=organisations,
            mentions=mentions,
        )
    except ProposalsRefused as refused:
        _show(review, refused.by_ref)
        return None


def _speaker_value(review: Review, typed: str) -> str | Person | None:
    """What a speaker field names: the choice value of a person the story
    names (by name, case aside), the registry person of that name or alias,
    the ``person:``/``new:`` value itself, or None for a name no one has."""
    name = " ".join(typed.split())
    if not name:
        return None
    if name.startswith((NEW, "person:")):
        return name
    value = review.speaker_values.get(name.casefold())
    if value is not None:
        return value
    return Person.objects.matching_name(name).first()


def _show(review: Review, errors: dict[str, dict[str, list[str]]]) -> None:
    forms_by_prefix = {row.prefix: row.form for row in review.rows() if row.form}
    for ref, fields in errors.items():
        form = forms_by_prefix.get(ref)
        if form is None:
            continue
        for name, messages in fields.items():
            target = (
                None if name == NON_FIELD_ERRORS or name not in form.fields else name
            )
            for message in messages:
                form.add_error(target, message)
