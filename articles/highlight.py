"""The article body with passages highlighted: each located quote labelled
with its speaker on the article page, and each proposal's words on the
extraction assistant's review screen. One implementation serves both."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Quote, QuoteKind


@dataclass(frozen=True)
class Mark:
    """A passage to highlight: its offsets, CSS class, a label shown before
    it (a link when ``link`` is given) and a tooltip."""

    start: int
    end: int
    css: str = ""
    label: str = ""
    link: str = ""
    title: str = ""


def highlight_spans(body: str, marks: Iterable[Mark], *, offset: int = 0) -> SafeString:
    """HTML of ``body`` (which starts at ``offset`` of the article's body)
    with each mark a ``<mark>``, nested marks shaded deeper, and each mark's
    label (a link to its proposal, if given) before it. Everything from the
    body is escaped."""
    located = sorted(
        (
            Mark(
                max(m.start - offset, 0),
                min(m.end - offset, len(body)),
                m.css,
                m.label,
                m.link,
                m.title,
            )
            for m in marks
            if m.end > offset and m.start < offset + len(body)
        ),
        key=lambda m: (m.start, -m.end),
    )
    cuts = sorted(
        {0, len(body), *(m.start for m in located), *(m.end for m in located)}
    )
    parts: list[str] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        for mark in located:
            if mark.start == begin and mark.label:
                label = (
                    format_html('<a href="{}">{}</a>', mark.link, mark.label)
                    if mark.link
                    else escape(mark.label)
                )
                parts.append(
                    format_html(
                        '<span class="quote-label {}">{}</span>', mark.css, label
                    )
                )
        covering = [m for m in located if m.start <= begin and end <= m.end]
        text = escape(body[begin:end])
        if covering:
            text = format_html(
                '<mark class="quote-depth-{} {}" title="{}">{}</mark>',
                min(len(covering), 3),
                covering[-1].css,
                "; ".join(m.title for m in covering if m.title),
                mark_safe(text),  # noqa: S308 - escaped just above
            )
        parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped or built


def highlight_quotes(body: str, quotes: Iterable[Quote]) -> SafeString:
    """HTML of ``body`` in which every located quote is a ``<mark>`` preceded
    by a label naming its speaker (or unnamed source) and kind. Quotes may
    nest (a partial quote inside an indirect one); each stretch of text is
    marked as deeply as the quotes covering it."""
    marks = [
        Mark(
            quote.start,
            quote.end,
            css=f"quote-{quote.kind}",
            label=f"{quote.source_name} · {quote.kind}",
            title=f"{quote.source_name} ({quote.kind})",
        )
        for quote in quotes
        if quote.start is not None
    ]
    return format_html(
        '<div class="quoted-body">{}</div>', highlight_spans(body, marks)
    )


def _kind_name(kind: str) -> str:
    """ "direct", "partial" or "indirect", from the choice's label."""
    return QuoteKind(kind).label.split(" — ")[0].lower()


def story_body(article) -> SafeString:
    """The body as a reader sees it (the public story page and the
    newsroom's preview): each located quote marked, labelled with its
    speaker, and a named speaker linked to their record in the API. Expects
    ``article.quotes`` prefetched with their speakers
    (``Article.objects.with_quotes()``)."""
    marks = [
        Mark(
            quote.start,
            quote.end,
            css=f"quote-{quote.kind}",
            label=quote.source_name,
            link=(
                reverse("person-detail", args=[quote.speaker.slug])
                if quote.speaker_id
                else ""
            ),
            title=f"{quote.source_name} ({_kind_name(quote.kind)} quote)",
        )
        for quote in article.quotes.all()
        if quote.start is not None
    ]
    return format_html(
        '<div class="quoted-body story-text">{}</div>',
        highlight_spans(article.body, marks),
    )
