"""A synthetic but realistic news archive, generated deterministically.

``Corpus`` builds, in plain Python and without touching the database, the
rows of a registry (states and their ministries, agencies and departments;
news agencies and outlets; companies; intergovernmental bodies; people with
aliases and dated roles; agreements with parties and status changes) and of
an archive of articles with their bylines, mentions and quotes;
``devtools.corpus.database`` writes them (``manage.py generate_corpus``).
It is a development tool for load tests, benchmarks and demos: nothing in
the product imports it.

Determinism: every random choice comes from ``random.Random`` seeded with the
run's seed (the registry and the publication plan from one stream each, each
article from its own stream keyed by its number), and every date from the
run's ``as_of`` day, so the same seed and day give the same data, whatever
the batch size. Only the database ids (and, when the database already holds
some, a generated Wikidata id bumped past one already taken) depend on what
is there already.

Rules the rows obey by construction (the same the models and the services
enforce): slugs unique and prefixed ``gen-<seed>-``; Wikidata ids empty or
``Q<digits>`` and unique; aliases differ from their owner's name and from
each other, ignoring case; a person holds at most one role on any day and
every role ends on or after it starts; a quote's organisation is the
organisation of its speaker's role on ``said_on`` (empty when there is none,
as ``Quote.default_organisation`` would leave it); every direct and partial
quote's words are in the body at exactly ``start:end``, and an indirect
quote's reported words are there too, at their offsets; an article mentions
everyone it quotes, their organisations and the outlets they spoke to; an
agreement's status is that of its latest status change, which cites an
article that mentions the agreement.

The parts: ``words`` (vocabulary), ``records`` (what is built), ``registry``
(organisations and people), ``agreements`` (agreements and the publication
plan), ``stories`` and ``quotes`` (article bodies), ``generator`` (``Corpus``,
a run), ``database`` (bulk writes).
"""

from .generator import Corpus
from .records import Batch

__all__ = ["Batch", "Corpus"]
