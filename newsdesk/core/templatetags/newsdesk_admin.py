"""What every admin page needs to know of the server's limits, so its forms
can check them before anything is sent (core/admin-forms.js)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def request_body_limit() -> int:
    """The largest form one request may carry, in bytes (files aside)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0


@register.simple_tag
def request_field_limit() -> int:
    """The most fields one request may carry."""
    return settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or 0


@register.filter
def data_size(size) -> str:
    """``1572864`` → "1.5 MiB", ``20000`` → "19.5 KiB"."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 1_048_576:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1_048_576:.1f} MiB"
