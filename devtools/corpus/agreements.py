"""Building the corpus's agreements (parties, status changes) and the
publication plan the articles follow, with the reports that cite each status
change, and the weights the articles sample speakers, outlets and agreements
by."""

from __future__ import annotations

import bisect
import datetime
import itertools
import random

from .records import (
    Deal,
    Human,
    Org,
    PlannedArticle,
    StatusChange,
    _cap,
    _date_text,
    _listing,
    zipf_weights,
)
from .words import AGREEMENT_KINDS, CITIES, KIND_WORDS, SPEAKER_EXPONENT, TOPICS, UTC


class AgreementPlanner:
    """The agreements and publication-plan part of ``Corpus``."""

    def _deals(self, rng: random.Random) -> None:
        first = self.archive_start.date().toordinal() + 30
        last = self.as_of_ordinal - 90
        for k in range(self.agreement_count):
            topic = rng.choice(TOPICS)
            kind = rng.choice(AGREEMENT_KINDS)
            count = rng.choice((2, 2, 2, 3, 3, 4, 5))
            states = rng.sample(self.states, count)
            parties = []
            for n, state in enumerate(states):
                role = "signatory"
                if count >= 4 and n == count - 1:
                    role = rng.choice(("guarantor", "observer", "party"))
                elif rng.random() < 0.15:
                    role = "party"
                parties.append((state, role))
            names = [s.name for s in states]
            if count == 2:
                if kind == "treaty":
                    title = f"Treaty between {names[0]} and {names[1]} on {topic[0]}"
                elif kind == "memorandum":
                    title = (
                        f"{names[0]}–{names[1]} Memorandum of Understanding on "
                        f"{topic[0]}"
                    )
                else:
                    word = KIND_WORDS[kind].title()
                    title = f"{names[0]}–{names[1]} {word} on {topic[0]}"
            else:
                city = rng.choice(CITIES)
                title = f"{city} {KIND_WORDS[kind].title()} on {topic[0]}"
            proposed = rng.randint(first, last)
            changes = [
                StatusChange("proposed", datetime.date.fromordinal(proposed), None, "")
            ]
            day = proposed
            signed_on = None
            for status, share, low, high in (
                ("signed", 0.8, 30, 500),
                ("in_force", 0.7, 30, 700),
            ):
                day += rng.randint(low, high)
                if rng.random() >= share or day > self.as_of_ordinal - 1:
                    break
                changes.append(
                    StatusChange(status, datetime.date.fromordinal(day), None, "")
                )
                if status == "signed":
                    signed_on = datetime.date.fromordinal(day)
            if changes[-1].status == "in_force" and rng.random() < 0.15:
                day += rng.randint(365, 5 * 365)
                if day < self.as_of_ordinal:
                    status = rng.choice(("suspended", "terminated"))
                    changes.append(
                        StatusChange(
                            status,
                            datetime.date.fromordinal(day),
                            rng.choice(states),
                            "",
                        )
                    )
            precision = "day"
            if signed_on is not None:
                roll = rng.random()
                if roll < 0.1:
                    precision, signed_on = "month", signed_on.replace(day=1)
                elif roll < 0.15:
                    precision, signed_on = "year", signed_on.replace(month=1, day=1)
            deal = Deal(
                index=k,
                title=title,
                kind=kind,
                topic=topic,
                parties=parties,
                changes=changes,
                signed_on=signed_on,
                signed_precision=precision,
                status=changes[-1].status,
                proposed=proposed,
                scope=topic[2],
            )
            deal.summary = (
                f"{_cap(KIND_WORDS[kind])} between {_listing(names)} on "
                f"{topic[1]}, first proposed in {changes[0].date.year}."
            )
            for change in changes:
                change.note = self._change_sentence(deal, change)
            deal.slug = self.slugs["agreement"](title)
            deal.wikidata_id = self.wikidata["agreement"](rng, 0.3)
            created = datetime.datetime.combine(
                changes[0].date, datetime.time(rng.randint(7, 20)), UTC
            )
            deal.created_at = created
            deal.updated_at = max(
                created,
                datetime.datetime.combine(changes[-1].date, datetime.time(21), UTC),
            )
            deal.version = len(changes)
            self.deals.append(deal)

    def _change_sentence(self, deal: Deal, change: StatusChange) -> str:
        day = _date_text(change.date)
        names = _listing([s.ref for s, _ in deal.parties])
        if change.status == "proposed":
            return f"The {deal.title} was first proposed on {day} by {names}."
        if change.status == "signed":
            return f"The {deal.title} was signed on {day} by {names}."
        if change.status == "in_force":
            return f"The {deal.title} entered into force on {day}."
        party = _cap(change.party.ref)
        if change.status == "suspended":
            return f"{party} suspended its participation in the {deal.title} on {day}."
        return f"{party} withdrew from the {deal.title} on {day}, ending it."

    def _plan(self, rng: random.Random) -> None:
        """Status and publication time of every article: 3% drafts, 2% in
        review, 1% scheduled, the rest published over the last 15 years, more
        of them recently. Numbered in order of creation."""
        span = (self.now - self.archive_start).total_seconds()
        count = self.article_count
        drafts, in_review = round(count * 0.03), round(count * 0.02)
        scheduled = max(1, round(count * 0.01)) if count >= 20 else 0
        kinds = (
            ["draft"] * drafts
            + ["in_review"] * in_review
            + ["scheduled"] * scheduled
            + ["published"] * (count - drafts - in_review - scheduled)
        )
        rng.shuffle(kinds)
        plan = []
        for kind in kinds:
            if kind in ("draft", "in_review"):
                created = self.now - datetime.timedelta(
                    seconds=rng.randint(600, 45 * 86400)
                )
                plan.append(PlannedArticle(kind, None, created))
            elif kind == "scheduled":
                created = self.now - datetime.timedelta(
                    seconds=rng.randint(3600, 10 * 86400)
                )
                published = self.now + datetime.timedelta(
                    days=rng.randint(1, 30), hours=rng.randint(5, 20),
                    minutes=rng.choice((0, 15, 30, 45)),
                )  # fmt: skip
                plan.append(PlannedArticle("published", published, created))
            else:
                # Density growing linearly with time: more stories lately.
                # Half spread evenly, half ever denser: three times as many
                # stories a year at the end as at the start.
                share = rng.random()
                offset = span * (share if rng.random() < 0.5 else share**0.5)
                day = self.archive_start + datetime.timedelta(seconds=offset)
                clock = datetime.time(
                    rng.randint(6, 21), rng.randint(0, 59), rng.randint(0, 59)
                )
                published = datetime.datetime.combine(day.date(), clock, UTC)
                if published > self.now - datetime.timedelta(minutes=5):
                    published = self.now - datetime.timedelta(
                        minutes=rng.randint(5, 600)
                    )
                created = published - datetime.timedelta(
                    seconds=rng.randint(1200, 36 * 3600)
                )
                plan.append(PlannedArticle("published", published, created))
        plan.sort(key=lambda p: p.created_at)
        self.plan = plan
        # Quotes per article: uniform between the bounds, in pairs adding up
        # to twice the average, so the total is exactly what was asked for.
        low, high = self.quote_range
        self.quote_counts = []
        for _ in range(0, count, 2):
            drawn = rng.randint(low, high)
            self.quote_counts += [drawn, low + high - drawn]
        del self.quote_counts[count:]
        self.published = [
            (p.published_at, n)
            for n, p in enumerate(plan)
            if p.status == "published" and p.published_at <= self.now
        ]
        self.published.sort()

    def _cite_reports(self, rng: random.Random) -> None:
        """Each status change is reported by one of the first published
        articles on or after its date (when there is one within a week); that
        article is about the agreement."""
        times = [t for t, _ in self.published]
        for deal in self.deals:
            for change in deal.changes:
                day = datetime.datetime.combine(change.date, datetime.time(), UTC)
                at = bisect.bisect_left(times, day) + rng.randint(0, 3)
                if at < len(times) and times[at] - day < datetime.timedelta(days=7):
                    number = self.published[at][1]
                    change.article = number
                    self.plan[number].reports.append((deal, change))

    def _prepare_sampling(self) -> None:
        self.speaker_weights = zipf_weights(len(self.speakers), SPEAKER_EXPONENT)
        # The same heavy tail among the people of each state, for stories
        # that quote people from the states they are about.
        self.local_speakers: dict[Org, tuple[list[Human], list[float]]] = {}
        for state in self.states:
            local = [p for p in self.speakers if p.home is state]
            if local:
                weights = itertools.accumulate(
                    1 / (p.index + 1) ** SPEAKER_EXPONENT for p in local
                )
                self.local_speakers[state] = (local, list(weights))
        self.outlet_weights = zipf_weights(len(self.outlets), 1.0)
        self.deal_weights = zipf_weights(len(self.deals), 0.8)
        self.sources = [o for o in self.outlets if self.outlet_reporters[o]]
        self.source_weights = zipf_weights(len(self.sources), 0.9)

    # -- ids
