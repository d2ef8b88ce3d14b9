"""Who may see unpublished work: the one rule every selector asks."""

from __future__ import annotations


def can_see_unpublished(user) -> bool:
    """Editors and reporters (staff) read every state; everyone else reads
    published content only."""
    return bool(user and user.is_active and user.is_staff)
