"""Full-text search: what ``search/`` and every ``q=`` filter use.

PostgreSQL keeps a stored, weighted ``tsvector`` per article (headline A,
standfirst B, body C) and per quote, each with a GIN index (migration
``articles/0006_search``), and pg_trgm's trigram indexes on people's and
organisations' names and aliases, so a misspelt name ("Rogozn", "Hanhiu")
still finds the person. The vectors are generated columns: the database
keeps them current whenever a headline, body or quote changes.

SQLite, the zero-setup default, has no tsvector: there the same API works
through FTS5 tables kept current by triggers (created after every
``migrate``, see ``ensure_sqlite_fts``), ranked by bm25 with the same weights,
and misspelt names are matched by a trigram similarity written in Python
and registered as an SQL function. Differences worth knowing: PostgreSQL
stems with its English dictionary and ignores stop words ("the"); SQLite's
Porter stemmer keeps them. Both accept words, "quoted phrases" and ``OR``;
PostgreSQL also accepts ``-word`` to exclude.

Snippets are made in Python for the page a client receives, never for
every match (see ``snippet``).

On PostgreSQL the queries are Django's own ``django.contrib.postgres.search``
pieces: ``SearchQuery(search_type="websearch")`` matched against the stored
vector with its ``@@`` lookup, ``SearchRank`` and ``TrigramWordSimilarity``.
What is still written by hand, and why:

- the stored vectors are read through ``TableSQL``, not a model field: they
  are generated columns made by migration ``articles/0006_search``, not
  declared as ``GeneratedField(SearchVectorField())`` because a model field
  would be loaded with every article and quote the API lists (a tsvector as
  long as the body, for nothing) and cannot exist on SQLite, whose tables
  have no tsvector type;
- SQLite's FTS5 (``MATCH``, ``bm25``, the virtual tables and their
  triggers): Django has no expression for it;
- the trigram similarity on SQLite (``word_similarity``): SQLite has none;
- snippets (``snippet``): ``SearchHeadline`` (ts_headline) does not escape
  the text it returns, would give other snippets than SQLite, and runs in the
  database for every row it is in, so one Python function serves both.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import (
    BooleanField,
    F,
    FloatField,
    Lookup,
    Q,
    QuerySet,
)
from django.db.models.expressions import Expression
from django.db.models.lookups import GreaterThanOrEqual

# How alike (0 to 1) a name must be to the words asked for, by pg_trgm's
# word_similarity: "Rogozn" is 0.71 like "Dmitry Rogozin", "Hanhiu" 0.57 like
# "Zhang Hanhui"; unrelated names stay under 0.4.
NAME_SIMILARITY = 0.5

TEXT_CONFIG = "english"

# Relative weight of headline, standfirst and body on SQLite (bm25); on
# PostgreSQL ts_rank's weights for A, B, C (1.0, 0.4, 0.2) play this part.
SQLITE_ARTICLE_WEIGHTS = (10.0, 4.0, 2.0)


# --------------------------------------------------------------------------
# What the client asked for


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False


_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def parse(q: str) -> list[Term | str]:
    """Words and "quoted phrases", with ``"OR"`` kept as an operator; other
    punctuation is dropped, so no input can break the search syntax."""
    parsed: list[Term | str] = []
    for phrase, word in _TERM.findall(q):
        if word == "OR":
            if parsed and parsed[-1] != "OR":
                parsed.append("OR")
            continue
        words = _WORD.findall(phrase if phrase else word.lstrip("-"))
        if words:
            parsed.append(Term(" ".join(words), phrase=bool(phrase) or len(words) > 1))
    while parsed and parsed[-1] == "OR":
        parsed.pop()
    return parsed


def words(q: str) -> list[str]:
    """Every word of ``q``, for highlighting."""
    return [w.casefold() for w in _WORD.findall(q)]


def fts5_query(q: str) -> str:
    """``q`` as an FTS5 MATCH expression: every term quoted (so it is taken
    literally), terms joined by AND unless ``OR`` stands between them."""
    parts = []
    for item in parse(q):
        if item == "OR":
            parts.append("OR")
        else:
            parts.append('"' + item.text.replace('"', '""') + '"')
    return " ".join(parts)


def _vendor(queryset: QuerySet) -> str:
    return connections[queryset.db].vendor


# --------------------------------------------------------------------------
# Searches compiled once (newsdesk/core/compiled.py)

STAND_IN_MARKER = "newsdeskstandin"


def stand_in(q: str) -> str | None:
    """What a search's queries can be built from once and compiled, to run
    again with ``q`` (``query_values`` gives what each takes from it): a
    made-up word for each word of ``q`` that the queries read one by one
    (up to five), and a mark that is no word, so that the whole differs
    from each word alone. None when ``q`` has no word or nothing to search
    for, whose queries take another shape."""
    count = len(words(q)[:5])
    if not count or not parse(q):
        return None
    return " ".join(f"{STAND_IN_MARKER}{n}" for n in range(count)) + " ~"


def query_values(q: str, connection) -> dict[str, str]:
    """Every parameter the search queries take from ``q``, by slot: the
    words as typed (ranking, websearch), the pattern ``icontains`` and
    ``ILIKE`` match, SQLite's MATCH expression, and each word alone
    (``_name_like``)."""
    values = {
        "q": q,
        "contains": f"%{connection.ops.prep_for_like_query(q)}%",
        "match": fts5_query(q),
    }
    values.update({f"word{n}": word for n, word in enumerate(words(q)[:5])})
    return values


# --------------------------------------------------------------------------
# Matching and ranking stories and quotes


class TableSQL(Expression):
    """SQL about the query's own table, for the search columns and tables
    the models do not declare: ``{table}`` in ``template`` becomes the
    table's alias in whichever query the expression ends up, so it stays
    right inside a subquery (where the table is renamed), unlike RawSQL."""

    def __init__(self, template: str, params: list, output_field):
        super().__init__(output_field=output_field)
        self.template, self.params = template, params

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return self.template.format(table=alias), list(self.params)

    def get_group_by_cols(self):
        return [self]

    def __repr__(self):
        return f"TableSQL({self.template!r}, {self.params!r})"


def _search_vector() -> TableSQL:
    """The stored ``search_vector`` column (see the module docstring for why
    the models do not declare it)."""
    return TableSQL("{table}.search_vector", [], SearchVectorField())


def _websearch(q: str) -> SearchQuery:
    return SearchQuery(q, config=TEXT_CONFIG, search_type="websearch")


def _matches(queryset: QuerySet, q: str, fts_table: str):
    if _vendor(queryset) == "postgresql":
        return SearchVectorExact(_search_vector(), _websearch(q))
    return TableSQL(
        f"{{table}}.id IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s)",
        [fts5_query(q)],
        BooleanField(),
    )


def _rank(queryset: QuerySet, q: str, fts_table: str, weights):
    if _vendor(queryset) == "postgresql":
        # Normalisation 32 (rank / (rank + 1)) keeps the rank between 0 and 1.
        return SearchRank(_search_vector(), _websearch(q), normalization=32)
    bm25 = ", ".join([fts_table, *(str(w) for w in weights)])
    return TableSQL(
        f"(SELECT -bm25({bm25}) FROM {fts_table} WHERE {fts_table} MATCH %s "
        "AND rowid = {table}.id)",
        [fts5_query(q)],
        FloatField(),
    )


def articles_matching(queryset: QuerySet, q: str) -> QuerySet:
    """Articles whose headline, standfirst or body hold every term of ``q``."""
    if not parse(q):
        return queryset.none()
    return queryset.filter(_matches(queryset, q, "articles_article_fts"))


def articles_ranked(queryset: QuerySet, q: str) -> QuerySet:
    """``articles_matching`` annotated with ``rank`` (higher is better): a
    headline match outranks a standfirst match, which outranks the body
    (PostgreSQL's weights A, B, C count 1.0, 0.4 and 0.2)."""
    queryset = articles_matching(queryset, q)
    return queryset.annotate(
        rank=_rank(queryset, q, "articles_article_fts", SQLITE_ARTICLE_WEIGHTS)
    )


def quote_text_matching(queryset: QuerySet, q: str) -> QuerySet:
    """Quotes whose words hold every term of ``q``."""
    if not parse(q):
        return queryset.none()
    return queryset.filter(_matches(queryset, q, "articles_quote_fts"))


def quotes_matching(queryset: QuerySet, q: str, *, speaker_ids=()) -> QuerySet:
    """Quotes whose words hold every term of ``q``, or said by one of
    ``speaker_ids`` (the people whose name matches, looked up beforehand so
    the database can use the index of each side)."""
    if not parse(q):
        return queryset.none()
    condition = Q(_matches(queryset, q, "articles_quote_fts"))
    if speaker_ids:
        condition |= Q(speaker_id__in=list(speaker_ids))
    return queryset.filter(condition)


def quotes_ranked(queryset: QuerySet, q: str) -> QuerySet:
    queryset = quote_text_matching(queryset, q)
    return queryset.annotate(rank=_rank(queryset, q, "articles_quote_fts", ()))


# --------------------------------------------------------------------------
# Names: people and organisations, by name or alias, misspellings included


class WordSimilarity(TrigramWordSimilarity):
    """How much of ``string`` occurs in ``expression``, 0 to 1, by trigrams:
    pg_trgm's ``word_similarity`` on PostgreSQL, ``word_similarity`` below
    (registered as an SQL function) on SQLite."""

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, function="newsdesk_word_similarity", **extra
        )


def names_matching(queryset: QuerySet, q: str) -> QuerySet:
    """People or organisations whose name or an alias contains ``q``, or
    whose words are close enough to every word of ``q`` to be a misspelling
    of it, annotated with ``similarity`` (1.0 for an exact name).

    Each side is a subquery of ids (``pk IN (…) OR pk IN (…)``), not a
    condition on every row: on PostgreSQL each can then be answered from
    its trigram index (``ILIKE`` and ``%>``) instead of working out the
    similarity of every name and alias in the registry, which costs some
    3 µs a name (see migration ``articles/0014_trigram_costs``)."""
    q = q.strip()
    if len(q) < 2:
        return queryset.none()
    model = queryset.model
    alias_model = model.aliases.rel.related_model
    owner = f"{model.aliases.field.name}_id"
    postgresql = _vendor(queryset) == "postgresql"
    named = model._base_manager.filter(_name_like(q, postgresql)).values("pk")
    aliased = alias_model._base_manager.filter(_name_like(q, postgresql))
    return queryset.annotate(similarity=WordSimilarity(q, "name")).filter(
        Q(pk__in=named) | Q(pk__in=aliased.values(owner))
    )


class _ILikeContains(Lookup):
    """``name ILIKE '%q%'``: what pg_trgm's index answers. Django's
    ``icontains`` is ``UPPER(name) LIKE UPPER('%q%')``, which no trigram
    index on ``name`` serves."""

    lookup_name = "newsdesk_ilike_contains"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        pattern = f"%{connection.ops.prep_for_like_query(self.rhs)}%"
        return f"{lhs} ILIKE %s", [*lhs_params, pattern]


def _name_like(q: str, postgresql: bool) -> Q:
    """``name`` holds ``q``, or each word of ``q`` (up to five) is like a
    word of ``name``: "space agency" must not find "news agency"."""
    alike = Q()
    for word in words(q)[:5]:
        similar = GreaterThanOrEqual(WordSimilarity(word, "name"), NAME_SIMILARITY)
        if postgresql:
            # ``%>`` is the same test at pg_trgm.word_similarity_threshold,
            # which the settings set to NAME_SIMILARITY for every
            # connection: the form its index answers. The exact test stays
            # beside it, so a connection without the setting finds fewer
            # misspellings, never a wrong one.
            alike &= Q(TrigramWordSimilar(F("name"), word)) & Q(similar)
        else:
            alike &= Q(similar)
    contains = _ILikeContains(F("name"), q) if postgresql else Q(name__icontains=q)
    return Q(contains) | alike


def _trigrams(text: str) -> set[str]:
    grams: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def word_similarity(string: str | None, text: str | None) -> float:
    """pg_trgm's ``word_similarity`` for SQLite: the greatest share of
    ``string``'s trigrams found in a run of consecutive words of ``text``."""
    if not string or not text:
        return 0.0
    wanted = _trigrams(string)
    if not wanted:
        return 0.0
    found = _WORD.findall(text)
    span = max(1, len(_WORD.findall(string)))
    best = 0.0
    for start in range(len(found)):
        for end in range(start + 1, min(len(found), start + span + 1) + 1):
            shared = len(wanted & _trigrams(" ".join(found[start:end])))
            best = max(best, shared / len(wanted))
    return best


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "newsdesk_word_similarity", 2, word_similarity, deterministic=True
        )


connection_created.connect(_register_sqlite_functions)


# --------------------------------------------------------------------------
# Snippets for the page returned


_SUFFIXES = ("ing", "ed", "es", "s", "'s", "’s")


def _stem(word: str) -> str:
    word = word.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def snippet(text: str, q: str, width: int = 200) -> str:
    """The part of ``text`` around the first word of ``q`` it holds, as HTML:
    the text escaped, each word of ``q`` in ``<mark>``; made for the records
    on the page returned only."""
    stems = {_stem(word) for word in words(q)}
    # A stem is the start of every word it stems from, so a text that holds
    # none of the stems (case aside) has no hit, and no word before the
    # first place one of them occurs is a hit: the words are stemmed one by
    # one only from the word holding that place, and only as far as the end
    # of the snippet (search/ makes some 80 snippets a page, many of them of
    # a whole story's body).
    folded = text.casefold()
    places = [place for place in map(folded.find, stems) if place >= 0]
    found = iter(())
    if places:
        # Casefolding lengthens some letters ("ß" is "ss"); where it did, the
        # places in ``folded`` are not those in ``text``.
        begin = min(places) if len(folded) == len(text) else 0
        while begin > 0 and _WORD.match(text, begin - 1):
            begin -= 1
        found = (m for m in _WORD.finditer(text, begin) if _stem(m.group()) in stems)
    first = next(found, None)
    start = 0
    if first is not None and len(text) > width:
        start = max(0, first.start() - width // 3)
        # Begin at a word.
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and text[end].isalnum():
        end += 1
    parts, at = [], start
    for hit in () if first is None else itertools.chain([first], found):
        if hit.end() > end:  # the hits come in order: the rest are beyond
            break
        parts.append(html.escape(text[at : hit.start()]))
        parts.append(f"<mark>{html.escape(hit.group())}</mark>")
        at = hit.end()
    parts.append(html.escape(text[at:end]))
    return (
        ("…" if start else "")
        + "".join(parts).strip()
        + ("…" if end < len(text) else "")
    )


# --------------------------------------------------------------------------
# SQLite's FTS5 tables


SQLITE_FTS = {
    # FTS table: (content table, columns)
    "articles_article_fts": ("articles_article", ("headline", "standfirst", "body")),
    "articles_quote_fts": ("articles_quote", ("text",)),
}


def _sqlite_fts_statements(fts: str, table: str, columns: tuple[str, ...]):
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    )
    return {
        "table": (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, "
            f"content='{table}', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        ),
        f"{fts}_insert": (
            f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} "
            f"BEGIN {insert} END"
        ),
        f"{fts}_delete": (
            f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} "
            f"BEGIN {delete} END"
        ),
        f"{fts}_update": (
            f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {names} "
            f"ON {table} BEGIN {delete} {insert} END"
        ),
    }


def ensure_sqlite_fts(using: str = "default") -> list[str]:
    """Create SQLite's FTS5 tables and the triggers that keep them current,
    rebuilding a table whose triggers were missing; returns what it had to
    create. Idempotent.

    Run after every ``migrate``: SQLite's schema editor rebuilds a table to
    alter it, which drops that table's triggers, so a later migration of
    articles or quotes would otherwise leave the index stale."""
    conn = connections[using]
    if conn.vendor != "sqlite":
        return []
    created = []
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
        )
        existing = {row[0] for row in cursor.fetchall()}
        for fts, (table, columns) in SQLITE_FTS.items():
            if table not in existing:
                continue
            statements = _sqlite_fts_statements(fts, table, columns)
            missing = [
                name
                for name in statements
                if (fts if name == "table" else name) not in existing
            ]
            for name in missing:
                cursor.execute(statements[name])
            if missing:
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
                created.extend(fts if name == "table" else name for name in missing)
    return created


def on_post_migrate(sender, using="default", **kwargs):
    ensure_sqlite_fts(using)
