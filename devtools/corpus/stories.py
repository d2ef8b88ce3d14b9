"""Writing the corpus's articles: headline, standfirst and body sentence by
sentence, and the rows (article, bylines, mentions, quotes) each becomes."""

from __future__ import annotations

import datetime

from django.utils.text import slugify

from .records import Article, Batch, Body, Human, _an, _cap, _listing, _pick, _plural
from .words import (
    ABSTRACTS,
    ADJECTIVES,
    CONCERNS,
    CREWS,
    CURRENCIES,
    DAY,
    EVALUATIONS,
    FATES,
    FILLERS,
    MONTHS,
    NOUNS,
    NUMBERS,
    PHASES,
    PROGRESS,
    STEPS,
    TIMES,
    TIMES_PAST,
    VERBS,
    WEEKDAYS,
)


class StoryWriter:
    """The article part of ``Corpus``: these methods write one planned
    article into a ``Batch``."""

    def _article(self, art: Article, batch: Batch) -> None:
        rng = art.rng
        planned = self.plan[art.number]
        art_id = self.article_id(art.number)
        moment = planned.published_at or planned.created_at
        if moment > self.now:  # scheduled: written before today
            moment = planned.created_at
        day = moment.date()

        # What it is about.
        reports = planned.reports
        deal = reports[0][0] if reports else None
        if deal is None and rng.random() < 0.45:
            candidate = self.deals[_pick(rng, self.deal_weights)]
            if candidate.proposed <= day.toordinal():
                deal = candidate
        if deal is not None:
            states = [s for s, _ in deal.parties]
            rng.shuffle(states)
        else:
            states = rng.sample(self.states, rng.choice((1, 2, 2, 3)))
        topic_org = None
        if deal is None:
            members = self.state_topics[states[0]]
            topic_org = rng.choice(members) if rng.random() < 0.6 else states[0]

        source = self.sources[_pick(rng, self.source_weights)]
        staff = self.outlet_reporters[source]
        authors = [rng.choice(staff)]
        if len(staff) > 1 and rng.random() < 0.25:
            second = rng.choice(staff)
            if second is not authors[0]:
                authors.append(second)

        quote_count = self.quote_counts[art.number]
        speakers = self._speakers(rng, rng.randint(1, min(quote_count, 5)), states)
        # The first speaker says most; every speaker at least once.
        turns = list(speakers)
        while len(turns) < quote_count:
            turns.append(speakers[0] if rng.random() < 0.4 else rng.choice(speakers))
        rng.shuffle(turns)

        body = Body()
        quotes: list[tuple] = []
        headline = self._headline(art, deal, states, topic_org, speakers[0])
        standfirst = self._standfirst(art, deal, states, topic_org)
        self._lead(art, body, deal, states, topic_org, day)
        for _, change in reports:
            body.add("\n\n")
            body.add(change.note)
            for party, _ in deal.parties:
                art.mention(party)
            if change.party is not None:
                art.mention(change.party)
        for d, _ in reports[1:]:
            art.mention(d, about=True)

        target = rng.randint(2200, 4800)
        created = planned.created_at
        for n, speaker in enumerate(turns):
            body.add("\n\n")
            said_on = day - DAY * rng.choice((0, 0, 0, 0, 0, 1, 1, 2, 3))
            self._quote(art, body, quotes, speaker, said_on, deal)
            left = (len(turns) - n - 1) * 260
            if body.pos + left + 400 < target and rng.random() < 0.6:
                body.add("\n\n")
                self._background(art, body, deal, states, day)
        while body.pos < target - 150:
            body.add("\n\n")
            self._background(art, body, deal, states, day)

        # Mentions: the topic and whoever is quoted.
        if deal is not None:
            art.mention(deal, about=True)
        if topic_org is not None:
            art.mention(topic_org, about=True)
        if art.people and rng.random() < 0.3:
            art.people[speakers[0]] = True

        published = planned.published_at
        status = planned.status
        if published is not None and published <= self.now:
            updated = published
            if rng.random() < 0.4:  # corrected after publication
                updated += datetime.timedelta(seconds=rng.randint(60, 30 * 86400))
            updated = min(updated, self.now)
        else:  # draft, in review or scheduled: last touched before today
            updated = created + (self.now - created) * rng.random()
        updated = updated.replace(microsecond=0)
        version = rng.randint(1, 2) if status != "published" else rng.randint(2, 4)

        words = slugify(headline)
        if len(words) > 90:  # cut at a word
            words = words[:91].rsplit("-", 1)[0]
        slug = f"{self.prefix}{art.number + 1}-{words}"
        stamp = published or created
        source_url = (
            f"https://www.{slugify(source.name.removeprefix('The '))}.example/"
            f"{stamp:%Y/%m/%d}/{slug.removeprefix(self.prefix)}"
            if status == "published"
            else ""
        )
        batch.articles.append(
            (
                art_id,
                slug,
                headline,
                standfirst,
                body.text(),
                source.id,
                source_url,
                "en",
                status,
                published,
                version,
                created,
                updated,
            )
        )
        for person in authors:
            batch.authors.append((art_id, person.id))
        for person, about in art.people.items():
            batch.people.append((art_id, person.id, about))
        for org, about in art.organisations.items():
            batch.organisations.append((art_id, org.id, about))
        for deal_, about in art.agreements.items():
            batch.agreements.append((art_id, deal_.id, about))
        # Quotes were entered while the story was written.
        step = (updated - created) / (len(quotes) + 1)
        public_from = published if status == "published" else None
        for n, (
            text,
            kind,
            speaker,
            org,
            outlet,
            cue,
            said_on,
            start,
            end,
        ) in enumerate(quotes):
            at = (created + step * (n + 1)).replace(microsecond=0)
            batch.quotes.append(
                (art_id, text, kind, speaker.id, org.id if org else None,
                 outlet.id if outlet else None, cue, said_on, start, end,
                 public_from, at, at)
            )  # fmt: skip

    # -- pieces of text

    def _headline(self, art, deal, states, topic_org, speaker) -> str:
        rng = art.rng
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        roll = rng.random()
        if deal is not None:
            if roll < 0.35 and len(states) >= 2:
                action = rng.choice(("sign", "discuss", "review", "extend", "renew"))
                return f"{states[0].name} and {states[1].name} {action} {deal.short}"
            if roll < 0.6:
                return (
                    f"{speaker.surname} says {deal.short} will {verb[0]} "
                    f"{_plural(noun)}"
                )
            if roll < 0.8:
                return f"Talks on {deal.topic[1]} {rng.choice(PROGRESS)}"
            return f"{_cap(deal.short)}: what it means for {states[0].name}"
        if topic_org is not None and roll < 0.5:
            return (
                f"{_cap(topic_org.ref.removeprefix('the '))} to {verb[0]} "
                f"{rng.choice(ADJECTIVES)} {noun} {rng.choice(TIMES)}"
            )
        if roll < 0.75:
            return (
                f"{states[0].name} {verb[3]} {rng.choice(ADJECTIVES)} {noun} amid "
                f"{rng.choice(CONCERNS)}"
            )
        return f"{speaker.surname}: {_an(rng.choice(EVALUATIONS))} {rng.choice(STEPS)}"

    def _standfirst(self, art, deal, states, topic_org) -> str:
        rng = art.rng
        if deal is not None:
            subject = deal.title
        else:
            subject = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        return (
            f"Officials in {_listing([s.ref for s in states])} say the {subject} "
            f"could be {rng.choice(VERBS)[1]} {rng.choice(TIMES)}, despite "
            f"{rng.choice(CONCERNS)}."
        )

    def _lead(self, art, body: Body, deal, states, topic_org, day) -> None:
        rng = art.rng
        weekday = WEEKDAYS[day.weekday()]
        for state in states:
            art.mention(state)
        refs = [s.ref for s in states]
        if deal is not None:
            action = rng.choice(
                (
                    "agreed to expand work under the",
                    "moved closer to completing the",
                    "discussed the future of the",
                    "announced new funding under the",
                    "met to review progress on the",
                )
            )
            text = f"{_cap(_listing(refs))} on {weekday} {action} {deal.title}."
        elif topic_org is not None:
            art.mention(topic_org)
            verb = rng.choice(VERBS)
            text = (
                f"{_cap(topic_org.ref)} on {weekday} announced plans to {verb[0]} "
                f"{_an(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)} "
                f"{rng.choice(TIMES)}."
            )
        else:
            text = (
                f"Officials from {_listing(refs)} met on {weekday} to review the "
                f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}."
            )
        body.add(text)
        body.add(" ")
        body.add(self._filler_sentence(art, deal, states, day))

    def _background(self, art, body: Body, deal, states, day) -> None:
        sentences = [
            self._filler_sentence(art, deal, states, day)
            for _ in range(art.rng.randint(2, 4))
        ]
        body.add(" ".join(sentences))

    def _filler_sentence(self, art, deal, states, day) -> str:
        """A sentence of background. Each article goes through the templates
        in its own shuffled order before it repeats one."""
        rng = art.rng
        if not art.deck:
            art.deck = [
                n
                for n in rng.sample(range(FILLERS), FILLERS)
                if (n != 0 or len(states) >= 2)
                and (n not in (6, 17) or deal is not None)
            ]
        roll = art.deck.pop()
        noun = rng.choice(NOUNS)
        adjective = rng.choice(ADJECTIVES)
        year = rng.randint(day.year - 12, day.year)
        state = rng.choice(states)
        if roll == 0 and len(states) >= 2:
            art.mention(states[0])
            art.mention(states[1])
            return (
                f"{_cap(states[0].ref)} and {states[1].ref} have "
                f"{rng.choice(VERBS)[1]} {rng.choice(NUMBERS)} joint "
                f"{_plural(noun)} {rng.choice(TIMES_PAST)}."
            )
        if roll == 1:
            return (
                f"The {adjective} {noun} is expected to cost about "
                f"{rng.randint(2, 90) / 2:g} billion {rng.choice(CURRENCIES)}."
            )
        if roll == 2:
            return (
                f"Analysts said the {noun} could be {rng.choice(VERBS)[1]} "
                f"{rng.choice(TIMES)} if funding is approved."
            )
        if roll == 3:
            art.mention(state)
            return f"{_cap(state.ref)} first proposed the {noun} in {year}."
        if roll == 4:
            return (
                f"Work on the {adjective} {noun} began in {year} and has faced "
                f"{rng.choice(CONCERNS)}."
            )
        if roll == 5:
            art.mention(state)
            return (
                f"{_cap(state.ref)} is one of {rng.choice(NUMBERS)} countries "
                f"taking part in the {noun}."
            )
        if roll == 6 and deal is not None:
            return f"The {deal.title} covers {deal.scope}."
        if roll == 7:
            art.mention(state)
            return (
                f"Officials in {state.ref} declined to give a timetable for the {noun}."
            )
        if roll == 8:
            return (
                f"The {adjective} {noun} would be the first of its kind in the region."
            )
        if roll == 9:
            return (
                f"Critics have questioned whether the {noun} can be "
                f"{rng.choice(VERBS)[1]} without {rng.choice(ABSTRACTS)}."
            )
        if roll == 10:
            return (
                f"The {noun} employs about {rng.randint(2, 60) * 50:,} people and "
                f"has {rng.choice(VERBS)[1]} {rng.choice(NUMBERS)} "
                f"{_plural(rng.choice(NOUNS))} {rng.choice(TIMES_PAST)}."
            )
        if roll == 11:
            return (
                f"A similar {noun} was {rng.choice(VERBS)[1]} in {year}, but it was "
                f"later {rng.choice(FATES)}."
            )
        if roll == 12:
            return (
                f"Funding for the {noun} was cut by {rng.randint(5, 40)} percent in "
                f"{year}."
            )
        if roll == 13:
            return (
                f"The {adjective} {noun} is run jointly by {rng.choice(NUMBERS)} "
                f"{rng.choice(CREWS)}."
            )
        if roll == 14:
            return (
                f"Engineers completed the first {rng.choice(PHASES)} of the "
                f"{adjective} {noun} in {MONTHS[rng.randrange(12)]} {year}."
            )
        if roll == 15:
            art.mention(state)
            return (
                f"{_cap(state.ref)} has spent more than {rng.randint(20, 900):,} "
                f"million {rng.choice(CURRENCIES)} on the {noun} since {year}."
            )
        if roll == 16:
            art.mention(state)
            return (
                f"Lawmakers in {state.ref} are expected to debate the {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 17 and deal is not None:
            return (
                f"Negotiations on the {deal.title} began in "
                f"{datetime.date.fromordinal(deal.proposed).year}."
            )
        return (
            f"Satellite images published in {year} showed work on the {noun} "
            f"well under way."
        )

    def _reference(self, art: Article, speaker: Human, said_on_ordinal: int) -> str:
        """How the copy names the speaker: in full with who they are the
        first time, by surname afterwards."""
        if speaker in art.introduced:
            if art.rng.random() < 0.15 or any(
                other.surname == speaker.surname and other is not speaker
                for other in art.introduced
            ):
                return speaker.name
            return speaker.surname
        art.introduced.add(speaker)
        art.mention(speaker)
        role = speaker.role_on(said_on_ordinal)
        if role is not None:
            art.mention(role.org)
            org = role.org
            if org.kind == "state":
                who = f"{org.adjective} {role.title}"
            else:
                who = f"{role.title} of {org.ref}"
            return f"{speaker.name}, {who},"
        past = speaker.last_role_before(said_on_ordinal)
        if past is not None:
            art.mention(past.org)
            if past.org.kind == "state":
                return f"{speaker.name}, a former {past.org.adjective} {past.title},"
            return f"{speaker.name}, a former {past.title} of {past.org.ref},"
        return f"{speaker.name}, {_an(speaker.description or 'official')},"
