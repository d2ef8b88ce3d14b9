"""The API's JSON renderer (newsdesk/api/rendering.py): the answers a view
marks plain are written by orjson, byte for byte what DRF's renderer
writes; the others are DRF's own."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from rest_framework.renderers import JSONRenderer as DRFJSONRenderer
from rest_framework.response import Response

from newsdesk.api.rendering import PLAIN, JSONRenderer, mark_plain

pytestmark = pytest.mark.django_db


def _both(data, accepted_media_type=None):
    response = mark_plain(Response(data))
    context = {"response": response}
    fast = JSONRenderer().render(data, accepted_media_type, context)
    drf = DRFJSONRenderer().render(data, accepted_media_type, context)
    return fast, drf


def test_every_code_point_written_alike():
    """Every character (controls, quotes, U+2028, astral planes) comes out
    as DRF writes it."""
    text = "".join(
        chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF
    )
    fast, drf = _both({"text": text, "chunks": [text[i::997] for i in range(7)]})
    assert fast == drf


def test_plain_values_written_alike():
    data = {
        "count": 940_517,
        "count_exact": False,
        "next": None,
        "results": [{"id": 2**62, "text": 'a "b" \\ c', "nested": {"": []}}],
    }
    fast, drf = _both(data)
    assert fast == drf


def test_what_orjson_cannot_write_goes_to_drf():
    """A number beyond 64 bits, or an indent asked, is DRF's."""
    assert _both({"big": 2**70})[0] == b'{"big":1180591620717411303424}'
    fast, drf = _both({"a": [1]}, "application/json; indent=2")
    assert fast == drf and b"\n" in fast


def test_unmarked_answers_are_drfs():
    """orjson writes floats otherwise (1e-5): an unmarked answer never
    meets it."""
    rendered = JSONRenderer().render({"rank": 1e-05}, None, {"response": Response()})
    assert rendered == b'{"rank":1e-05}'


def test_the_quotes_list_is_marked_plain(seed):
    response = Client().get("/api/v1/quotes/?page_size=5")
    assert response.status_code == 200
    assert getattr(response, PLAIN, False)
    assert json.loads(response.content)["results"]
