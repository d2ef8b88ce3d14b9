"""Reading wire copy: IPTC ninjs (1.x and 2.x JSON), Atom and RSS 2.0 into
plain ``WireItem``s, one per story, or an ``ItemProblem`` for an item that
cannot become a story. Feeds are parsed by feedparser, which copes with the
many dialects and broken encodings agencies send; ninjs is plain JSON whose
properties are mapped here (https://iptc.org/standards/ninjs/).

Nothing here touches the database.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from dataclasses import dataclass, field

import feedparser
from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags


class DocumentError(ValueError):
    """The document as a whole is not ninjs, Atom or RSS."""


@dataclass
class WireItem:
    guid: str
    headline: str
    body: str
    standfirst: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    source_name: str = ""
    source_url: str = ""
    published_at: datetime.datetime | None = None
    language: str = ""
    version: str = ""

    def __post_init__(self):
        for name, value in vars(self).items():
            if isinstance(value, str):
                setattr(self, name, _text(value).strip())
        self.authors = [name for name in map(_text, self.authors) if name]


@dataclass
class ItemProblem:
    """An item that cannot be ingested: where it is and what is wrong, by
    field."""

    position: int
    guid: str
    errors: dict[str, list[str]]

    def __post_init__(self):
        self.guid = _text(self.guid)
        self.errors = {
            name: [_text(message) for message in messages]
            for name, messages in self.errors.items()
        }


@dataclass
class Document:
    format: str
    title: str = ""
    items: list[WireItem | ItemProblem] = field(default_factory=list)


# Neither PostgreSQL nor UTF-8 can store a NUL or an unpaired surrogate
# (JSON lets "\u0000" and "\ud800" through): wire text loses them on the way in.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _text(value) -> str:
    return UNSTORABLE.sub("", value) if isinstance(value, str) else ""


def _objects(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


_BLOCK_END = re.compile(r"(?i)</(p|div|h[1-6]|li|blockquote)>|<br\s*/?>")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def plain_text(markup: str) -> str:
    """Text of an HTML fragment, one paragraph a line: the form the
    extraction assistant and the quote offsets work on."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n\n", markup)))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def parse(data: bytes, *, name: str = "") -> Document:
    """Read ``data`` (a file's or a response's bytes) as ninjs when it is
    JSON, else as a feed."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        try:
            decoded = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise DocumentError(
                f"{name or 'The document'} is not valid JSON: {error}"
            ) from None
        return parse_ninjs(decoded)
    return parse_feed(data, name=name)


# --------------------------------------------------------------------------
# ninjs


def parse_ninjs(decoded) -> Document:
    """One ninjs object, a list of them, or an object with ``items``."""
    if isinstance(decoded, dict) and isinstance(decoded.get("items"), list):
        objects = decoded["items"]
    elif isinstance(decoded, list):
        objects = decoded
    elif isinstance(decoded, dict):
        objects = [decoded]
    else:
        raise DocumentError("A ninjs document is an object or a list of objects.")
    major = {_ninjs_major(o) for o in objects if isinstance(o, dict)}
    document = Document(format="ninjs " + "/".join(sorted(major)) if major else "ninjs")
    for position, item in enumerate(objects, 1):
        document.items.append(_ninjs_item(position, item))
    return document


def _ninjs_major(item: dict) -> str:
    if any(key in item for key in ("headlines", "bodies", "descriptions", "by")):
        return "2"
    return "1"


def _first_value(values, *, prefer_type: str = "text/plain") -> tuple[str, str]:
    """The value of a ninjs 2 ``headlines``/``bodies``/``descriptions``
    array: the main (or first) one, plain text preferred; with its type."""
    if not isinstance(values, list):
        return "", ""
    objects = [
        v for v in values if isinstance(v, dict) and isinstance(v.get("value"), str)
    ]
    if not objects:
        return "", ""
    objects.sort(
        key=lambda v: (
            v.get("role") not in (None, "main", "text"),
            (v.get("contenttype") or prefer_type) != prefer_type,
        )
    )
    return objects[0]["value"], objects[0].get("contenttype") or prefer_type


def _ninjs_item(position: int, item) -> WireItem | ItemProblem:
    if not isinstance(item, dict):
        return ItemProblem(position, "", {"item": ["A ninjs item is a JSON object."]})
    guid = item.get("uri") if isinstance(item.get("uri"), str) else ""
    errors: dict[str, list[str]] = {}
    if _ninjs_major(item) == "2":
        headline, _ = _first_value(item.get("headlines"))
        body, body_type = _first_value(item.get("bodies"))
        standfirst, standfirst_type = _first_value(item.get("descriptions"))
        byline = item.get("by") if isinstance(item.get("by"), str) else ""
        sources = [
            s["name"]
            for s in _objects(item.get("infosources"))
            if isinstance(s.get("name"), str)
        ]
    else:
        headline = item.get("headline") or ""
        body_type = "text/plain"
        body = item.get("body_text") or ""
        for key in ("body_html", "body_xhtml"):
            if not body and item.get(key):
                body, body_type = item[key], "text/html"
        standfirst = item.get("description_text") or ""
        standfirst_type = "text/plain"
        if not standfirst and item.get("description_html"):
            standfirst, standfirst_type = item["description_html"], "text/html"
        byline = item.get("byline") or ""
        sources = [
            s["name"]
            for s in _objects(item.get("infosource"))
            if isinstance(s.get("name"), str)
        ]
    values = {"headline": headline, "body": body, "standfirst": standfirst}
    for name, value in values.items():
        if not isinstance(value, str):
            errors[name] = ["Must be text."]
            values[name] = ""
    if not guid:
        errors["uri"] = ["The item has no uri: it could not be recognised again."]
    if not values["headline"].strip():
        errors["headline"] = ["The item has no headline."]
    body = plain_text(values["body"]) if body_type != "text/plain" else values["body"]
    if not body.strip():
        errors["body"] = ["The item has no body text."]
    published = _ninjs_time(item, errors)
    if errors:
        return ItemProblem(position, guid, errors)
    standfirst = values["standfirst"]
    if standfirst_type != "text/plain":
        standfirst = plain_text(standfirst)
    source_name = (
        item.get("copyrightholder")
        if isinstance(item.get("copyrightholder"), str)
        else ""
    )
    return WireItem(
        guid=guid,
        headline=" ".join(values["headline"].split()),
        body=body.strip(),
        standfirst=standfirst.strip(),
        authors=_names(byline),
        byline=byline.strip() if isinstance(byline, str) else "",
        source_name=(sources[0] if sources else source_name) or "",
        source_url=guid if guid.startswith(("http://", "https://")) else "",
        published_at=published,
        language=item.get("language") if isinstance(item.get("language"), str) else "",
        version=str(item.get("version") or item.get("versioncreated") or ""),
    )


def _ninjs_time(item: dict, errors: dict) -> datetime.datetime | None:
    for key in ("firstcreated", "versioncreated"):
        raw = item.get(key)
        if raw in (None, ""):
            continue
        try:
            parsed = parse_datetime(raw) if isinstance(raw, str) else None
        except ValueError:  # well formed but impossible: 2022-13-45
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            errors[key] = [f"“{raw}” is not a date and time with a time zone."]
            return None
        return parsed
    return None


_BY_PREFIX = re.compile(r"(?i)^\s*by\s+")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def _names(byline) -> list[str]:
    """The people in a byline: "By Ivan Petrov and Anna Li" → both names.
    Anything after a slash or a pipe ("Ivan Petrov / TASS") is the outlet."""
    if not isinstance(byline, str):
        return []
    byline = re.split(r"[/|]", _BY_PREFIX.sub("", byline))[0]
    return [
        n for n in (" ".join(p.split()) for p in _NAME_SEPARATORS.split(byline)) if n
    ]


# --------------------------------------------------------------------------
# Atom and RSS


def parse_feed(data: bytes, *, name: str = "") -> Document:
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no feed found"
        raise DocumentError(
            f"{name or 'The document'} is neither ninjs, Atom nor RSS: {reason}"
        )
    kind = "atom" if version.startswith("atom") else "rss"
    feed = parsed.feed
    document = Document(format=kind, title=feed.get("title", ""))
    for position, entry in enumerate(parsed.entries, 1):
        document.items.append(_feed_item(position, entry, feed))
    return document


def _feed_item(position: int, entry, feed) -> WireItem | ItemProblem:
    guid = entry.get("id") or entry.get("link") or ""
    errors: dict[str, list[str]] = {}
    if not guid:
        errors["guid"] = ["The item has neither a guid/id nor a link."]
    headline = plain_text(entry.get("title", ""))
    if not headline:
        errors["title"] = ["The item has no title."]
    content = entry.get("content") or []
    if content:
        body = plain_text(content[0].get("value", ""))
        summary = plain_text(entry.get("summary", ""))
    else:
        body, summary = plain_text(entry.get("summary", "")), ""
    if not body:
        errors["content"] = ["The item has no text."]
    published = None
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            published = datetime.datetime(*entry[key][:6], tzinfo=datetime.UTC)
            break
    if errors:
        return ItemProblem(position, guid, errors)
    names = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
    byline = entry.get("author", "") or ", ".join(names)
    source = entry.get("source", {}).get("title") or feed.get("title", "")
    return WireItem(
        guid=guid,
        headline=headline,
        body=body,
        standfirst=summary if summary != body else "",
        authors=[n for name in names for n in _names(name)] or _names(byline),
        byline=byline,
        source_name=source,
        source_url=entry.get("link", ""),
        published_at=published,
        language=(entry.get("language") or feed.get("language") or ""),
        version=entry.get("updated", "") or entry.get("published", ""),
    )
