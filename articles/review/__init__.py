"""The review screen of the extraction assistant: an article's proposals as
rows an editor accepts, edits or rejects, each with its evidence highlighted.

Nothing here writes to the database, and nothing about a review is stored:
the proposals are recomputed from the body and the registry on every visit,
and the form carries the editor's decisions and edits together with a
fingerprint of the proposals it was made for. If the body or the registry
changed in between, the fingerprint no longer matches and the editor is
shown the new proposals instead of a decision about the old ones. What the
editor accepts goes to ``articles.proposals.proposals_apply``.

Split by what each part does: ``rows`` (the rows and their evidence),
``build`` (proposals to rows, and the body limit), ``apply`` (the editor's
decisions to ``proposals_apply``) and ``forms`` (one form per row, rendered
without per-widget templates).
"""

from .apply import review_apply
from .build import REVIEW_BODY_LIMIT, review_build, review_refusal
from .rows import (
    MentionRow,
    OrganisationRow,
    PersonRow,
    QuoteRow,
    Review,
    Row,
    UnknownAgreement,
    excerpt,
    sentence_around,
)

__all__ = [
    "REVIEW_BODY_LIMIT",
    "MentionRow",
    "OrganisationRow",
    "PersonRow",
    "QuoteRow",
    "Review",
    "Row",
    "UnknownAgreement",
    "excerpt",
    "review_apply",
    "review_build",
    "review_refusal",
    "sentence_around",
]
