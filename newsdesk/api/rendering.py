"""The API's JSON renderer: DRF's, with a fast path for plain answers.

DRF writes JSON with the standard library's ``json.dumps``; for a page of
50 quotes that takes longer than building the page's rows. orjson writes
the same bytes for strings, whole numbers, booleans, nulls, lists and dicts
(DRF's compact separators, non-ASCII as is, U+2028 and U+2029 escaped:
tests/test_api_rendering.py compares the two on every code point) about
twenty times faster. It writes floats differently (``1e-05`` as ``1e-5``),
so only answers a view marks plain (``mark_plain``: made of rows that hold
no float) take it; everything else, and any answer with an indent asked,
is DRF's own.
"""

from __future__ import annotations

import orjson
from rest_framework import renderers

PLAIN = "newsdesk_plain_json"


def mark_plain(response):
    """Mark ``response`` as holding only strings, whole numbers, booleans,
    nulls, lists and dicts: JSONRenderer may write it with orjson."""
    setattr(response, PLAIN, True)
    return response


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        context = renderer_context or {}
        if (
            data is not None
            and getattr(context.get("response"), PLAIN, False)
            and self.compact
            and not self.ensure_ascii
            and self.get_indent(accepted_media_type, context) is None
        ):
            try:
                text = orjson.dumps(data)
            except TypeError:  # orjson.JSONEncodeError: DRF's encoder may know
                pass
            else:
                return text.replace(b"\xe2\x80\xa8", b"\\u2028").replace(
                    b"\xe2\x80\xa9", b"\\u2029"
                )
        return super().render(data, accepted_media_type, renderer_context)
