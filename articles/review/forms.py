"""The review screen's forms: one per proposal, prefixed by its row, and
their HTML.

The screen holds a form for every proposal of a story: a long story has a
hundred and more, each with a dozen fields and two selects listing every
organisation the story names. Django renders each widget, each label and
each ``<option>`` through a template of its own, which for such a page took
several seconds; the widgets below write their HTML directly (the same
markup as Django's, escaped with ``format_html``), and ``form_html`` lays a
form out as the admin's aligned forms do, so the page renders in a fraction
of that.
"""

from __future__ import annotations

import html

from django import forms
from django.utils.safestring import SafeString, mark_safe

from entities.models import OrganisationKind

from ..models import Quote, QuoteKind

ACCEPT, REJECT, LEAVE = "accept", "reject", "leave"
DECISIONS = [
    (ACCEPT, "Accept"),
    (REJECT, "Reject"),
    (LEAVE, "Decide later"),
]
NEW = "new:"
# The id of the datalist offering the story's people to every speaker field.
SPEAKER_LIST = "review-speakers"
NO_ORGANISATION = [("", "— none —")]


def _choice(record) -> str:
    return f"{type(record)._meta.model_name}:{record.pk}"


def _e(value) -> str:
    """``value`` escaped for HTML text or an attribute (as Django's
    ``escape``, without its lazy-string machinery: this runs for every
    option of every select)."""
    return html.escape(str(value), quote=True)


def _attrs(widget, name: str, attrs: dict | None, **extra) -> str:
    merged = widget.build_attrs(widget.attrs, {**(attrs or {}), **extra, "name": name})
    return "".join(
        f" {key}" if value is True else f' {key}="{_e(value)}"'
        for key, value in merged.items()
        if value is not None and value is not False
    )


class QuickTextInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        extra = {"type": self.input_type}
        if value is not None:
            extra["value"] = value
        return mark_safe(f"<input{_attrs(self, name, attrs, **extra)}>")  # noqa: S308


class QuickTextarea(forms.Textarea):
    def render(self, name, value, attrs=None, renderer=None):
        value = _e(self.format_value(value) or "")
        return mark_safe(  # noqa: S308 - escaped
            f"<textarea{_attrs(self, name, attrs)}>\n{value}</textarea>"
        )


class QuickSelect(forms.Select):
    # Escaped options of the choice lists seen, by their contents: every
    # quote's two organisation selects share one list.
    _options: dict[tuple, list[tuple[str, str]]] = {}

    def _escaped(self) -> list[tuple[str, str]]:
        key = tuple(self.choices)
        found = self._options.get(key)
        if found is None:
            if len(self._options) > 64:
                self._options.clear()
            found = self._options[key] = [
                (str(choice), f'<option value="{_e(choice)}"{{}}>{_e(label)}</option>')
                for choice, label in key
            ]
        return found

    def render(self, name, value, attrs=None, renderer=None):
        value = "" if value is None else str(value)
        options = "".join(
            option.format(" selected" if choice == value else "")
            for choice, option in self._escaped()
        )
        return mark_safe(  # noqa: S308 - escaped
            f"<select{_attrs(self, name, attrs)}>{options}</select>"
        )


class QuickRadioSelect(forms.RadioSelect):
    def render(self, name, value, attrs=None, renderer=None):
        value = "" if value is None else str(value)
        base = _e((attrs or {}).get("id", ""))
        options = "".join(
            f'<div><label for="{base}_{index}"><input type="radio" '
            f'name="{_e(name)}" value="{_e(choice)}" id="{base}_{index}"'
            f"{' checked' if str(choice) == value else ''}> {_e(label)}</label></div>"
            for index, (choice, label) in enumerate(self.choices)
        )
        return mark_safe(f'<div id="{base}">{options}</div>')  # noqa: S308


def _errors(errors, css: str = "errorlist") -> str:
    if not errors:
        return ""
    items = "".join(f"<li>{_e(error)}</li>" for error in errors)
    return f'<ul class="{css}">{items}</ul>'


def form_html(form: forms.Form) -> SafeString:
    """One proposal's decision and editable fields, in the admin's
    aligned-form look."""
    parts = [_errors(form.non_field_errors(), "errorlist nonfield")]
    for bound in form:
        errors = bound.errors
        if bound.name == "decision":
            parts.append(
                '<div class="form-row field-decision proposal-decision">'
                f'{_errors(errors)}<div class="flex-container">{bound.as_widget()}'
                "</div></div>"
            )
            continue
        help_text = (
            f'<div class="help" id="{_e(bound.auto_id)}_helptext">'
            f"{_e(bound.help_text)}</div>"
            if bound.help_text
            else ""
        )
        parts.append(
            f'<div class="form-row field-{bound.name}{" errors" if errors else ""}">'
            f'{_errors(errors)}<div><div class="flex-container">'
            f'<label for="{_e(bound.id_for_label)}">{_e(bound.label)}:</label> '
            f"{bound.as_widget()}</div>{help_text}</div></div>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every part built escaped


def _share_choices(field: forms.ChoiceField, organisations: list) -> None:
    """Give ``field`` the review's organisation choices, already plain
    (value, label) pairs. Assigning ``field.choices`` would normalise the
    whole list again for every field of every form, which on a long story
    cost a tenth of a second per hundred quotes; the list is shared, never
    changed, so the field and its widget take it as it is."""
    choices = [*NO_ORGANISATION, *organisations]
    field._choices = choices
    field.widget.choices = choices


class ProposalForm(forms.Form):
    decision = forms.ChoiceField(
        choices=DECISIONS, initial=LEAVE, widget=QuickRadioSelect
    )

    def as_review(self) -> SafeString:
        return form_html(self)

    def accepted(self) -> bool:
        return self.is_valid() and self.cleaned_data["decision"] == ACCEPT

    def rejected(self) -> bool:
        return self.is_valid() and self.cleaned_data["decision"] == REJECT


class QuoteProposalForm(ProposalForm):
    text = forms.CharField(
        required=False,
        strip=False,
        max_length=20_000,
        widget=QuickTextarea(attrs={"rows": 3, "cols": 80}),
        help_text=Quote._meta.get_field("text").help_text,
    )
    kind = forms.ChoiceField(choices=QuoteKind.choices, widget=QuickSelect)
    # One control for the speaker: a name, offered from the people the story
    # names (a datalist), and resolved on saving to the registry record of
    # that name or alias, or else to a new person.
    speaker = forms.CharField(
        required=False,
        max_length=200,
        help_text="Who said it: pick someone the story names, or type a name "
        "in the registry (a new name adds that person). Leave empty for an "
        "unnamed source.",
        widget=QuickTextInput(
            attrs={
                "list": SPEAKER_LIST,
                "autocomplete": "off",
                "class": "proposal-speaker",
                "size": 40,
            }
        ),
    )
    source_description = forms.CharField(
        widget=QuickTextInput,
        required=False,
        max_length=200,
        label="Unnamed source",
        help_text="When no one is named: who spoke, in the story's words "
        "(“a spokesman”, “officials”).",
    )
    cue = forms.CharField(
        widget=QuickTextInput,
        required=False,
        max_length=50,
        help_text=Quote._meta.get_field("cue").help_text,
    )
    outlet = forms.ChoiceField(
        required=False,
        help_text=Quote._meta.get_field("outlet").help_text,
        widget=QuickSelect,
    )
    organisation = forms.ChoiceField(
        required=False,
        label="Spoke for",
        help_text=Quote._meta.get_field("organisation").help_text,
        widget=QuickSelect,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        _share_choices(self.fields["outlet"], organisations)
        _share_choices(self.fields["organisation"], organisations)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == ACCEPT
            and not cleaned.get("speaker", "").strip()
            and not cleaned.get("source_description", "").strip()
        ):
            self.add_error(
                "speaker",
                "Pick who said it, or describe the unnamed source below.",
            )
        return cleaned


class PersonProposalForm(ProposalForm):
    name = forms.CharField(
        widget=QuickTextInput,
        required=False,
        max_length=200,
        help_text="Full name as the newsroom writes it.",
    )
    description = forms.CharField(
        widget=QuickTextInput,
        required=False,
        max_length=500,
        help_text="One line saying who this is, e.g. “Russian cosmonaut”.",
    )
    role_title = forms.CharField(
        widget=QuickTextInput,
        required=False,
        max_length=200,
        label="Role",
        help_text="The title they hold, e.g. “Director General”. Leave empty "
        "to add no role.",
    )
    role_organisation = forms.ChoiceField(
        required=False,
        widget=QuickSelect,
        label="Held at",
        help_text="Where the title is held, e.g. Roscosmos, or China for an "
        "ambassador.",
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        _share_choices(self.fields["role_organisation"], organisations)


class OrganisationProposalForm(ProposalForm):
    name = forms.CharField(required=False, max_length=200, widget=QuickTextInput)
    kind = forms.ChoiceField(choices=OrganisationKind.choices, widget=QuickSelect)


class MentionProposalForm(ProposalForm):
    pass
