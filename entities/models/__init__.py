"""The registry that outlives any one story: people, organisations, the roles
that tie them together, and the agreements organisations are parties to.

Integrity lives in the database where a constraint can express it; ``clean()``
holds only the rules no constraint can (an organisation's ancestry, a role's
dates against its person's other roles are left to editors).

One module per part of the registry; every model is importable from here
(``entities.models.Person``), as the migrations and the rest of Newsdesk
expect.
"""

from .agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementQuerySet,
    AgreementStatus,
    AgreementStatusChange,
    DatePrecision,
    PartyRole,
)
from .common import (
    WIKIDATA_ID_PATTERN,
    NameKeyField,
    name_match_q,
    public_from_field,
    wikidata_constraints,
    wikidata_field,
    wikidata_id_validator,
)
from .organisations import (
    OUTLET_KINDS,
    Organisation,
    OrganisationAlias,
    OrganisationKind,
    OrganisationQuerySet,
)
from .people import Person, PersonAlias, PersonQuerySet
from .records import ChangeStatus, MergeKind, MergeRecord, ProposedChange
from .roles import Role, RoleQuerySet

__all__ = [
    "OUTLET_KINDS",
    "WIKIDATA_ID_PATTERN",
    "Agreement",
    "AgreementKind",
    "AgreementParty",
    "AgreementQuerySet",
    "AgreementStatus",
    "AgreementStatusChange",
    "ChangeStatus",
    "DatePrecision",
    "MergeKind",
    "MergeRecord",
    "NameKeyField",
    "Organisation",
    "OrganisationAlias",
    "OrganisationKind",
    "OrganisationQuerySet",
    "PartyRole",
    "Person",
    "PersonAlias",
    "PersonQuerySet",
    "ProposedChange",
    "Role",
    "RoleQuerySet",
    "name_match_q",
    "public_from_field",
    "wikidata_constraints",
    "wikidata_field",
    "wikidata_id_validator",
]
