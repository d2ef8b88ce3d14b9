"""Wire copy for the ingest tests, built from the reference story."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings

SEEDS = Path(settings.BASE_DIR) / "seeds"
REFERENCE_BODY = (SEEDS / "reference-article.txt").read_text(encoding="utf-8")
HEADLINE = "Wire: China and Russia to cooperate on the Moon, envoy tells TASS"


def atom(entries: list[dict], title: str = "TASS") -> bytes:
    parts = []
    for entry in entries:
        paragraphs = "".join(
            f"<p>{escape(p)}</p>" for p in entry["body"].split("\n") if p.strip()
        )
        parts.append(
            f"""<entry>
  <id>{escape(entry["id"])}</id>
  <title>{escape(entry["title"])}</title>
  <link href="{escape(entry.get("link", "https://tass.example/1"))}"/>
  <published>{entry.get("published", "2022-04-25T09:00:00Z")}</published>
  <updated>{entry.get("published", "2022-04-25T09:00:00Z")}</updated>
  <author><name>{escape(entry.get("author", "Ivan Petrov"))}</name></author>
  <content type="html">{escape(paragraphs)}</content>
</entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(title)}</title>
  <id>urn:tass:feed</id>
  <updated>2022-04-25T09:00:00Z</updated>
  {"".join(parts)}
</feed>""".encode()


def reference_atom(**changes) -> bytes:
    entry = {
        "id": "urn:tass:2022:china-russia-moon",
        "title": HEADLINE,
        "body": REFERENCE_BODY,
        **changes,
    }
    return atom([entry])


def rss(items: list[dict], title: str = "TASS") -> bytes:
    parts = "".join(
        f"""<item>
  <guid isPermaLink="false">{escape(item["guid"])}</guid>
  <title>{escape(item["title"])}</title>
  <link>{escape(item.get("link", "https://tass.example/2"))}</link>
  <pubDate>Mon, 25 Apr 2022 09:00:00 +0000</pubDate>
  <dc:creator>{escape(item.get("author", "Anna Li"))}</dc:creator>
  <description>{escape(item["body"])}</description>
</item>"""
        for item in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{escape(title)}</title><link>https://tass.example/</link>
<description>Wire</description>{parts}</channel></rss>""".encode()


def ninjs2(**changes) -> dict:
    return {
        "uri": "https://agency.example/items/1",
        "type": "text",
        "version": "1",
        "firstcreated": "2022-04-25T09:00:00+00:00",
        "language": "en",
        "headlines": [{"role": "main", "value": "Cosmonaut eager to fly to the Moon"}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": "<p>Russian cosmonaut Pyotr Dubrov said that he is "
                "eager to join the first crew to the Moon.</p>",
            }
        ],
        "by": "By Ivan Petrov and Anna Li",
        "copyrightholder": "TASS",
        **changes,
    }


def ninjs1(**changes) -> dict:
    return {
        "uri": "https://agency.example/items/old-1",
        "headline": "Station to be brought down over the Pacific",
        "body_text": "Dmitry Rogozin said that the station would be brought "
        "down over the Pacific.",
        "byline": "Anna Li",
        "versioncreated": "2022-04-24T08:00:00+00:00",
        "language": "en-GB",
        **changes,
    }


def as_json(value) -> bytes:
    return json.dumps(value).encode()
