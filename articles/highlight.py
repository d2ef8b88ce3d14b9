"""The article body with each located quote highlighted and labelled with its
speaker, for editors checking quotes against the copy."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Quote


def highlight_quotes(body: str, quotes: Iterable[Quote]) -> SafeString:
    """HTML of ``body`` in which every located quote is a ``<mark>`` preceded
    by a label naming its speaker and kind. Quotes may nest (a partial quote
    inside an indirect one); each stretch of text is marked as deeply as the
    quotes covering it."""
    located = sorted(
        (quote for quote in quotes if quote.start is not None),
        key=lambda quote: (quote.start, -quote.end),
    )
    starts: dict[int, list[Quote]] = {}
    for quote in located:
        starts.setdefault(quote.start, []).append(quote)
    cuts = sorted(
        {0, len(body), *(q.start for q in located), *(q.end for q in located)}
    )
    parts: list[str] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        for quote in starts.get(begin, []):
            parts.append(
                format_html(
                    '<span class="quote-label quote-{}">{} · {}</span>',
                    quote.kind,
                    quote.speaker.name,
                    quote.kind,
                )
            )
        covering = [q for q in located if q.start <= begin and end <= q.end]
        text = escape(body[begin:end])
        if covering:
            title = "; ".join(f"{q.speaker.name} ({q.kind})" for q in covering)
            text = format_html(
                '<mark class="quote-depth-{}" title="{}">{}</mark>',
                min(len(covering), 3),
                title,
                mark_safe(text),  # noqa: S308 - escaped just above
            )
        parts.append(text)
    return format_html(
        '<div class="quoted-body">{}</div>',
        mark_safe("".join(parts)),  # noqa: S308
    )
