"""What the benchmark asks and the floors it compares each answer with.

For every endpoint the benchmark times, two floors fetch the same rows:

* ``raw``: one hand-written SQL query through psycopg, the rows fetched and
  nothing more — what the database alone costs;
* ``values``: the same rows through the ORM's ``.values()``, serialised with
  orjson in a bare Django view behind the same middleware — what the
  framework costs without Newsdesk's serializers, filters and pagination.

The floors answer the same page of the same records with the columns the
API shows; they skip what only the API does (visibility for editors, counts,
links, validation), so the API's ratio to them is an upper bound of its
overhead.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import orjson
from django.db import connection
from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.utils import timezone

from articles.models import Article, Quote
from entities.models import Agreement, Organisation, Person
from newsdesk import fulltext
from newsdesk.api.pagination import encode_cursor

from .more_floors import MORE_FLOORS
from .more_floors import raw_querysets as _raw_querysets

PAGE = 50
DEEP_PAGE = 1000  # page 1,000 of 50: 49,950 rows in

QUOTE_VALUES = [
    "id",
    "text",
    "kind",
    "cue",
    "said_on",
    "start",
    "end",
    "speaker__id",
    "speaker__slug",
    "speaker__name",
    "organisation__id",
    "organisation__slug",
    "organisation__name",
    "outlet__id",
    "outlet__slug",
    "outlet__name",
    "article__slug",
    "article__headline",
    "article__published_at",
]

QUOTE_SQL = """
SELECT q.id, q.text, q.kind, q.cue, q.said_on, q.start, q."end",
       s.id, s.slug, s.name, o.id, o.slug, o.name, t.id, t.slug, t.name,
       a.slug, a.headline, a.published_at
FROM articles_quote q
JOIN entities_person s ON s.id = q.speaker_id
JOIN articles_article a ON a.id = q.article_id
LEFT JOIN entities_organisation o ON o.id = q.organisation_id
LEFT JOIN entities_organisation t ON t.id = q.outlet_id
"""
QUOTE_ORDER = " ORDER BY q.said_on DESC NULLS FIRST, q.id DESC"


@dataclass
class Params:
    """What the benchmark asks about, chosen from the data."""

    now: datetime.datetime
    speaker: str = ""
    speaker_id: int = 0
    organisation: str = ""
    organisation_ids: list[int] = field(default_factory=list)
    said_after: datetime.date | None = None
    said_before: datetime.date | None = None
    common_word: str = ""
    rare_word: str = ""
    article: str = ""
    parties: tuple[str, str] = ("", "")
    name_prefix: str = ""
    deep_page: int = DEEP_PAGE
    deep_cursor: str = ""
    deep_position: tuple = ()


def choose() -> Params:
    """Realistic questions: the most quoted person, the state behind the
    organisation they speak for most (sub-organisations included), the
    last three years; a word in many quotes and one in few; a story with
    its quotes; two states sharing agreements; a name prefix; page 1,000."""
    p = Params(now=timezone.now())
    public = Quote.objects.public(at=p.now)
    top = (
        public.values("speaker")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker")
        .first()
    )
    speaker = Person.objects.get(pk=top["speaker"])
    p.speaker, p.speaker_id = speaker.slug, speaker.pk
    spoken_for = (
        public.filter(speaker=speaker, organisation__isnull=False)
        .values("organisation")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    organisation = Organisation.objects.get(pk=spoken_for["organisation"])
    while organisation.parent_id:
        organisation = organisation.parent
    from entities.selectors import organisation_ids_with_descendants

    p.organisation = organisation.slug
    p.organisation_ids = sorted(organisation_ids_with_descendants([organisation]))
    latest = public.order_by("-said_on").values_list("said_on", flat=True).first()
    p.said_before = latest
    p.said_after = latest - datetime.timedelta(days=3 * 365)
    p.common_word, p.rare_word = _words()
    p.article = (
        Article.objects.published(at=p.now)
        .annotate(n=Count("quotes"))
        .filter(n__gte=10)
        .order_by("-published_at")
        .values_list("slug", flat=True)
        .first()
    )
    pair = (
        Agreement.objects.filter(public_from__lte=p.now)
        .annotate(n=Count("parties"))
        .filter(n__gte=2)
        .order_by("-n", "pk")
        .first()
    )
    slugs = list(
        pair.parties.order_by("organisation__slug").values_list(
            "organisation__slug", flat=True
        )
    )
    p.parties = (slugs[0], slugs[1])
    p.name_prefix = speaker.name.split()[-1][:3]
    # Page 1,000, or halfway through a smaller archive.
    p.deep_page = max(2, min(DEEP_PAGE, public.count() // PAGE // 2))
    before = PAGE * (p.deep_page - 1)
    p.deep_position = (
        public.order_by(F("said_on").desc(nulls_first=True), "-id")
        .values_list("said_on", "id")[before - 1 : before]
        .get()
    )
    p.deep_cursor = encode_cursor("-said_on,-id", list(p.deep_position))
    return p


def _words() -> tuple[str, str]:
    """A word many quotes hold and one few do, counted in a fixed sample of
    the quotes' text (all of it, up to 10,000 quotes, in a small archive)."""
    import collections
    import re

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT text FROM articles_quote TABLESAMPLE SYSTEM (1) REPEATABLE (7)"
        )
        texts = [row[0] for row in cursor.fetchall()]
        if len(texts) < 1000:
            # A small archive's 1% of pages may hold no row at all (the
            # tests' few thousand quotes, or a table of many dead rows).
            cursor.execute("SELECT text FROM articles_quote ORDER BY id LIMIT 10000")
            texts = [row[0] for row in cursor.fetchall()]
    counts = collections.Counter(
        word for text in texts for word in set(re.findall(r"[a-z]{6,}", text.lower()))
    )
    common = counts.most_common(1)[0][0]
    rare = min(counts, key=lambda word: (counts[word], word))
    return common, rare


# --------------------------------------------------------------------------
# The endpoints


@dataclass
class Endpoint:
    name: str
    url: str
    kind: str  # "list", "search", "detail" or "conditional"
    headers: dict = field(default_factory=dict)
    floors: bool = True


def endpoints(p: Params) -> list[Endpoint]:
    api = "/api/v1"
    filtered = (
        f"{api}/quotes/?page_size={PAGE}&speaker={p.speaker}"
        f"&organisation={p.organisation}&said_after={p.said_after}"
        f"&said_before={p.said_before}"
    )
    found = [
        Endpoint("quotes_list", f"{api}/quotes/?page_size={PAGE}", "list"),
        Endpoint("quotes_filtered", filtered, "list"),
        Endpoint(
            "quotes_search_common",
            f"{api}/quotes/?page_size={PAGE}&q={p.common_word}",
            "search",
        ),
        Endpoint(
            "quotes_search_rare",
            f"{api}/quotes/?page_size={PAGE}&q={p.rare_word}",
            "search",
        ),
        Endpoint("article_detail", f"{api}/articles/{p.article}/", "detail"),
        Endpoint(
            "agreements_two_parties",
            f"{api}/agreements/?party={p.parties[0]}&party={p.parties[1]}",
            "list",
        ),
        Endpoint("people_name_prefix", f"{api}/people/?q={p.name_prefix}", "list"),
        Endpoint(
            "quotes_first_page_cursor",
            f"{api}/quotes/?page_size={PAGE}&cursor=",
            "list",
        ),
        Endpoint(
            "quotes_deep_offset",
            f"{api}/quotes/?page_size={PAGE}&page={p.deep_page}",
            "list",
        ),
        Endpoint(
            "quotes_deep_cursor",
            f"{api}/quotes/?page_size={PAGE}&cursor={p.deep_cursor}",
            "list",
        ),
        Endpoint("articles_list", f"{api}/articles/?page_size={PAGE}", "list"),
        Endpoint(
            "articles_search_common",
            f"{api}/articles/?page_size={PAGE}&q={p.common_word}",
            "search",
        ),
        Endpoint(
            "articles_search_rare",
            f"{api}/articles/?page_size={PAGE}&q={p.rare_word}",
            "search",
        ),
        Endpoint("search_common", f"{api}/search/?q={p.common_word}", "search"),
        Endpoint("search_rare", f"{api}/search/?q={p.rare_word}", "search"),
        Endpoint("people_list", f"{api}/people/?page_size={PAGE}", "list"),
        Endpoint(
            "organisations_list", f"{api}/organisations/?page_size={PAGE}", "list"
        ),
        Endpoint("agreements_list", f"{api}/agreements/?page_size={PAGE}", "list"),
        Endpoint(
            "cache_hit", f"{api}/quotes/?page_size={PAGE}", "cached", floors=False
        ),
        Endpoint(
            "not_modified",
            f"{api}/quotes/?page_size={PAGE}",
            "conditional",
            floors=False,
        ),
    ]
    return found


# --------------------------------------------------------------------------
# Floors: .values() + orjson in a bare view, and raw SQL


PARAMS: Params | None = None  # set by the benchmark before it asks


def _public_quotes(p: Params):
    return Quote.objects.filter(public_from__lte=p.now).order_by(
        F("said_on").desc(nulls_first=True), "-id"
    )


def values_rows(name: str, p: Params) -> list[dict]:
    quotes = _public_quotes(p)
    if name in ("quotes_list", "quotes_first_page_cursor"):
        rows = quotes.values(*QUOTE_VALUES)[:PAGE]
    elif name == "quotes_filtered":
        rows = quotes.filter(
            speaker_id=p.speaker_id,
            organisation_id__in=p.organisation_ids,
            said_on__gte=p.said_after,
            said_on__lte=p.said_before,
        ).values(*QUOTE_VALUES)[:PAGE]
    elif name in ("quotes_search_common", "quotes_search_rare"):
        word = p.common_word if name.endswith("common") else p.rare_word
        rows = fulltext.quote_text_matching(quotes, word).values(*QUOTE_VALUES)[:PAGE]
    elif name == "article_detail":
        rows = (
            Quote.objects.filter(article__slug=p.article)
            .order_by("start", "id")
            .values(*QUOTE_VALUES, "article__body", "article__standfirst")
        )
    elif name == "quotes_deep_offset":
        start = PAGE * (p.deep_page - 1)
        rows = quotes.values(*QUOTE_VALUES)[start : start + PAGE]
    elif name == "quotes_deep_cursor":
        said_on, pk = p.deep_position
        rows = quotes.filter(
            Q(said_on__lt=said_on) | Q(said_on=said_on, id__lt=pk), said_on__lte=said_on
        ).values(*QUOTE_VALUES)[:PAGE]
    elif name in MORE_FLOORS:
        return MORE_FLOORS[name](p)
    else:
        raise KeyError(name)
    return list(rows)


def floor_view(request, name: str):
    """The ``values`` floor: rows through .values(), serialised by orjson.
    Under gunicorn (the throughput leg) each worker chooses its parameters
    on its first request, which the warm-up makes."""
    global PARAMS
    if PARAMS is None:
        PARAMS = choose()
    return HttpResponse(
        orjson.dumps(values_rows(name, PARAMS)), content_type="application/json"
    )


def raw_statements(name: str, p: Params) -> list[tuple[str, list]]:
    """The raw floor's statements: the floor's own queries as the ORM
    writes them where ``bench/more_floors.py`` has the floor (the page
    query; all four of search/'s), else one query written here."""
    if name in MORE_FLOORS:
        return [
            queryset.query.sql_with_params() for queryset in _raw_querysets(name, p)
        ]
    return [raw_sql(name, p)]


def raw_sql(name: str, p: Params) -> tuple[str, list]:
    public = " WHERE q.public_from <= %s"
    limit = f" LIMIT {PAGE}"
    if name in ("quotes_list", "quotes_first_page_cursor"):
        return QUOTE_SQL + public + QUOTE_ORDER + limit, [p.now]
    if name == "quotes_filtered":
        return (
            "WITH RECURSIVE tree(id) AS (SELECT id FROM entities_organisation "
            "WHERE slug = %s UNION SELECT c.id FROM entities_organisation c "
            "JOIN tree ON c.parent_id = tree.id) "
            + QUOTE_SQL
            + public
            + " AND q.speaker_id = %s AND q.organisation_id IN (SELECT id FROM tree)"
            " AND q.said_on BETWEEN %s AND %s" + QUOTE_ORDER + limit,
            [p.organisation, p.now, p.speaker_id, p.said_after, p.said_before],
        )
    if name in ("quotes_search_common", "quotes_search_rare"):
        word = p.common_word if name.endswith("common") else p.rare_word
        return (
            QUOTE_SQL
            + public
            + " AND q.search_vector @@ websearch_to_tsquery('english', %s)"
            + QUOTE_ORDER
            + limit,
            [p.now, word],
        )
    if name == "article_detail":
        return (
            QUOTE_SQL.replace("a.published_at", "a.published_at, a.body, a.standfirst")
            + " WHERE a.slug = %s ORDER BY q.start, q.id",
            [p.article],
        )
    if name == "quotes_deep_offset":
        return (
            QUOTE_SQL
            + public
            + QUOTE_ORDER
            + f" OFFSET {PAGE * (p.deep_page - 1)}"
            + limit,
            [p.now],
        )
    if name == "quotes_deep_cursor":
        said_on, pk = p.deep_position
        return (
            QUOTE_SQL
            + public
            + " AND (q.said_on, q.id) < (%s, %s) AND q.said_on <= %s"
            + QUOTE_ORDER
            + limit,
            [p.now, said_on, pk, said_on],
        )
    raise KeyError(name)
