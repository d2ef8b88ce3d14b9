"""What every registry record shares: a Wikidata id, when published stories
made it public, and the folded key its name is matched by."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from ..names import name_key

WIKIDATA_ID_PATTERN = r"^Q[1-9][0-9]*$"

wikidata_id_validator = RegexValidator(
    WIKIDATA_ID_PATTERN,
    message="Enter a Wikidata item id: the letter Q followed by digits, e.g. Q159.",
)


def wikidata_field() -> models.CharField:
    return models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[wikidata_id_validator],
        help_text="Optional Wikidata item id, e.g. Q159 for Russia.",
    )


def wikidata_constraints(model: str) -> list[models.BaseConstraint]:
    """A Wikidata id is well-formed and names at most one record."""
    return [
        models.CheckConstraint(
            condition=Q(wikidata_id="") | Q(wikidata_id__regex=WIKIDATA_ID_PATTERN),
            name=f"{model}_wikidata_id_format",
            violation_error_message=wikidata_id_validator.message,
        ),
        models.UniqueConstraint(
            fields=["wikidata_id"],
            condition=~Q(wikidata_id=""),
            name=f"{model}_wikidata_id_unique",
            violation_error_message="Another record already has this Wikidata id.",
        ),
    ]


def public_from_field():
    """When a published story first made the record public (see
    entities/visibility.py): kept by the database, never edited."""
    return models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When the earliest published story naming this record made "
        "it public (it may lie ahead, for a scheduled story); empty while no "
        "published story names it. Kept up to date by entities/visibility.py.",
    )


class NameKeyField(models.CharField):
    """The folded key of the record's ``source`` field (entities/names.py),
    stored and indexed so a likely duplicate is found by one indexed lookup
    rather than by folding every name in the registry. Kept by the field
    itself on every save and bulk insert (``pre_save``), never edited."""

    description = "Folded key of a name"

    def __init__(self, *args, source: str = "name", **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("db_default", "")
        kwargs.setdefault(
            "help_text",
            "The name folded for matching (case, spacing, punctuation and "
            "accents aside); kept from the name.",
        )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.source != "name":
            kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = name_key(getattr(model_instance, self.source) or "")[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


def name_match_q(name: str, prefix: str = "") -> Q:
    """Records whose name or one of whose aliases folds to the key of
    ``name``. A name with no letters or digits has no key: it matches the
    same text, case aside."""
    key = name_key(name)
    if not key:
        return Q(**{f"{prefix}name__iexact": name.strip()}) | Q(
            **{f"{prefix}aliases__name__iexact": name.strip()}
        )
    return Q(**{f"{prefix}name_key": key}) | Q(**{f"{prefix}aliases__name_key": key})
