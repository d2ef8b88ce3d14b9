"""A refused save shows what the other editor changed: field by field, the
record as the editor opened it, as the other editor saved it, and as the
editor typed it, with who and when; the editor then takes theirs, keeps
theirs' opposite, or chooses per field, and saves. Articles, people,
organisations and agreements alike (the shared VersionedAdmin)."""

from __future__ import annotations

from html import escape

import pytest

from articles import services as article_services
from tests import test_concurrency
from tests.factories import PersonFactory
from tests.test_admin import admin_url, all_error_messages
from tests.test_concurrency import CASES, open_change_page

pytestmark = pytest.mark.django_db

clients = test_concurrency.clients
first_editor = test_concurrency.first_editor
second_editor = test_concurrency.second_editor

# A second text field per model, which only the first editor changes.
OTHER_FIELD = {
    "article": "standfirst",
    "person": "name",
    "organisation": "name",
    "agreement": "title",
}


def conflicting_saves(clients, case):
    """The first editor changes two fields and saves; the second, from the
    same version, changes one of them differently and saves: refused."""
    model, make, field = CASES[case]
    other = OTHER_FIELD[case]
    record = make()
    first, second = clients
    first_data = open_change_page(first, model, record)
    second_data = open_change_page(second, model, record)
    first_data[field] = "Theirs"
    first_data[other] = "Their other value"
    second_data[field] = "Mine"
    saved = first.post(admin_url(model, "change", record.pk), first_data)
    assert saved.status_code == 302, all_error_messages(saved)
    refused = second.post(admin_url(model, "change", record.pk), second_data)
    assert refused.status_code == 200
    return model, record, field, other, second_data, refused


def answer(client, model, record, data, refused, **extra):
    """Post the refused page again as the browser would, with the panel's
    hidden conflict version and ``extra`` (the button, the choices)."""
    data = {
        **data,
        "conflict_version": refused.context["adminform"].form.data["conflict_version"],
        **extra,
    }
    return client.post(admin_url(model, "change", record.pk), data)


@pytest.mark.parametrize("case", list(CASES))
def test_refused_save_shows_each_field_both_ways(clients, first_editor, case):
    """The panel names who saved and lists, for each field either side
    changed, the loaded, their and my values; the message speaks of no
    version number."""
    model, record, field, other, _data, refused = conflicting_saves(clients, case)

    conflict = refused.context["adminform"].form.conflict
    assert conflict.who == first_editor.username
    shown = {d.name: (d.before, d.theirs, d.mine) for d in conflict.fields}
    assert shown[field] == (str(getattr(record, field)), "Theirs", "Mine")
    assert shown[other][1:] == ("Their other value", getattr(record, other) or "—")
    assert set(shown) == {field, other}
    both = {d.name: d.both_changed for d in conflict.fields}
    assert both == {field: True, other: False}
    html = refused.content.decode()
    assert 'id="edit-conflict"' in html
    assert (
        escape(f"{first_editor.username} saved this {model._meta.verbose_name}") in html
    )
    assert "version 2" not in html and "at version" not in html
    assert refused.context["adminform"].form.data["conflict_version"] == 2
    stored = model.objects.get(pk=record.pk)
    assert (getattr(stored, field), stored.version) == ("Theirs", 2)


@pytest.mark.parametrize("case", list(CASES))
def test_take_theirs(clients, second_editor, case):
    model, record, field, other, data, refused = conflicting_saves(clients, case)

    response = answer(clients[1], model, record, data, refused, _conflict="theirs")

    assert response.status_code == 302, all_error_messages(response)
    stored = model.objects.get(pk=record.pk)
    assert (getattr(stored, field), getattr(stored, other)) == (
        "Theirs",
        "Their other value",
    )
    assert stored.version == 3
    assert stored.history.first().history_user == second_editor


@pytest.mark.parametrize("case", list(CASES))
def test_keep_mine(clients, case):
    """Keeping mine saves the page as typed, their change of the other field
    included in the undoing (the panel says so)."""
    model, record, field, other, data, refused = conflicting_saves(clients, case)

    response = answer(clients[1], model, record, data, refused, _conflict="mine")

    assert response.status_code == 302, all_error_messages(response)
    stored = model.objects.get(pk=record.pk)
    assert getattr(stored, field) == "Mine"
    assert getattr(stored, other) == getattr(record, other)
    assert stored.version == 3


@pytest.mark.parametrize("case", list(CASES))
def test_choose_per_field_keeps_their_other_change_by_default(clients, case):
    """Saving with the choices as offered merges: my value where I changed
    the field, theirs where only they did."""
    model, record, field, other, data, refused = conflicting_saves(clients, case)

    response = answer(clients[1], model, record, data, refused, _conflict="choose")

    assert response.status_code == 302, all_error_messages(response)
    stored = model.objects.get(pk=record.pk)
    assert (getattr(stored, field), getattr(stored, other)) == (
        "Mine",
        "Their other value",
    )


def test_choose_theirs_for_one_field(clients):
    model, record, field, other, data, refused = conflicting_saves(clients, "article")

    response = answer(
        clients[1],
        model,
        record,
        data,
        refused,
        **{"_conflict": "choose", f"conflict-{field}": "theirs"},
    )

    assert response.status_code == 302, all_error_messages(response)
    stored = model.objects.get(pk=record.pk)
    assert (getattr(stored, field), getattr(stored, other)) == (
        "Theirs",
        "Their other value",
    )


def test_a_save_after_the_panel_was_shown_is_refused_again(clients, first_editor):
    """The panel's answer holds for the version it showed: if the first
    editor saves once more meanwhile, the second sees the panel again, now
    with the newest values, and nothing of theirs is overwritten."""
    model, record, field, other, data, refused = conflicting_saves(clients, "person")
    fresh = open_change_page(clients[0], model, model.objects.get(pk=record.pk))
    fresh[field] = "Theirs again"
    assert (
        clients[0].post(admin_url(model, "change", record.pk), fresh).status_code == 302
    )

    again = answer(clients[1], model, record, data, refused, _conflict="mine")

    assert again.status_code == 200
    conflict = again.context["adminform"].form.conflict
    assert {d.name: d.theirs for d in conflict.fields}[field] == "Theirs again"
    assert again.context["adminform"].form.data["conflict_version"] == 3
    assert getattr(model.objects.get(pk=record.pk), field) == "Theirs again"

    final = answer(clients[1], model, record, data, again, _conflict="mine")
    assert final.status_code == 302, all_error_messages(final)
    assert getattr(model.objects.get(pk=record.pk), field) == "Mine"


def test_the_panel_lists_what_their_save_changed_in_the_quotes(clients):
    """On an article, the panel also says what the others changed below the
    fields: here a quote added after the first editor's save."""
    model, record, field, other, data, refused = conflicting_saves(clients, "article")
    assert refused.context["adminform"].form.conflict.related == []
    article_services.quote_create(
        article=record,
        text="we will build the bridge",
        speaker=PersonFactory(name="Ada Vance"),
        kind="partial",
    )

    again = clients[1].post(admin_url(model, "change", record.pk), data)

    assert again.status_code == 200
    assert again.context["adminform"].form.conflict.related == [
        "Quote added: “we will build the bridge” (Ada Vance, partial)",
        "Mention added: Ada Vance",
    ]
    assert escape("Quote added: “we will build the bridge”") in again.content.decode()
