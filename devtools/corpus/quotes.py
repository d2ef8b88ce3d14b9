"""Writing the corpus's quotes: who is quoted in a story, and each direct,
partial or indirect quote placed in the body at known offsets."""

from __future__ import annotations

import random

from .records import Body, Human, _an, _cap, _pick, _plural
from .words import (
    ABSTRACTS,
    ADJECTIVES,
    ADVERBS,
    BENEFICIARIES,
    CONCERNS,
    CONTEXTS,
    CREWS,
    DIRECT_CUES,
    EVALUATIONS,
    MODALS,
    NOUNS,
    NUMBERS,
    PARTNERS,
    PROGRESS,
    SETTINGS,
    STEPS,
    SUBJECTS,
    TIMES,
    TIMES_PAST,
    VERBS,
)


class QuoteWriter:
    """The quote part of ``Corpus``: choosing speakers and writing what they
    said into an article's body."""

    def _speakers(self, rng: random.Random, count: int, states) -> list[Human]:
        """``count`` different speakers (fewer if the draws keep repeating),
        half of them, on average, from the states the story is about."""
        chosen: list[Human] = []
        for _ in range(count * 4):
            local = self.local_speakers.get(rng.choice(states))
            if local is not None and rng.random() < 0.5:
                person = local[0][_pick(rng, local[1])]
            else:
                person = self.speakers[_pick(rng, self.speaker_weights)]
            if person not in chosen:
                chosen.append(person)
                if len(chosen) == count:
                    break
        return chosen

    def _quote(self, art, body: Body, quotes, speaker, said_on, deal) -> None:
        """One paragraph in which ``speaker`` is quoted: directly, partially
        or in reported speech. The quoted words go into the body as one piece,
        so their offsets are known exactly."""
        rng = art.rng
        ordinal = said_on.toordinal()
        role = speaker.role_on(ordinal)
        org = role.org if role is not None else None
        if org is not None:
            art.mention(org)
        # "Petrov", or "Anna Petrova, Director General of the X Agency," the
        # first time: either way it can stand before a verb.
        ref = self._reference(art, speaker, ordinal)
        outlet = None
        if rng.random() < 0.15:
            outlet = self.outlets[_pick(rng, self.outlet_weights)]
            art.mention(outlet)
        thing = (
            deal.short
            if deal is not None and rng.random() < 0.5
            else rng.choice(
                ("agreement", "decision", "talks", "plan", rng.choice(NOUNS))
            )
        )
        was = "were" if thing == "talks" else "was"
        roll = rng.random()
        if roll < 0.45:
            kind = "direct"
            words = self._direct(rng)
            if rng.random() < 0.35:
                words += " " + self._direct(rng)
            form = rng.randrange(3) if outlet is None else 3
            if form == 0:
                cue = rng.choice(DIRECT_CUES)
                words = words[:-1]  # the comma replaces the full stop
                body.add("“")
                span = body.words(words)
                body.add(f",” {ref} {cue}.")
            elif form == 1:
                cue = rng.choice(DIRECT_CUES)
                body.add(f"{ref} {cue}: “")
                span = body.words(words)
                body.add("”")
            elif form == 2:
                cue = "said"
                body.add(f"Speaking {rng.choice(SETTINGS)}, {ref} said: “")
                span = body.words(words)
                body.add("”")
            else:
                cue = "told"
                words = words[:-1]
                body.add("“")
                span = body.words(words)
                body.add(f",” {ref} told {outlet.ref}.")
        elif roll < 0.7:
            kind = "partial"
            words = self._fragment(rng)
            form = rng.randrange(4) if outlet is None else 4
            if form == 0:
                cue = "called"
                body.add(f"{ref} called the {thing} “")
                span = body.words(words)
                body.add("”.")
            elif form == 1:
                cue = "said"
                body.add(f"{ref} said the {thing} {was} “")
                span = body.words(words)
                body.add(f"”, adding that {self._clause(rng)}.")
            elif form == 2:
                cue = "said"
                body.add(f"The {thing} {was} “")
                span = body.words(words)
                body.add(f"”, {ref} said.")
            elif form == 3:
                cue = "described"
                body.add(f"{ref} described the {thing} as “")
                span = body.words(words)
                body.add(f"” in {rng.choice(CONTEXTS)}.")
            else:
                cue = "told"
                body.add(f"{ref} told {outlet.ref} that the {thing} {was} “")
                span = body.words(words)
                body.add("”.")
        else:
            kind = "indirect"
            words = self._clause(rng)
            form = rng.randrange(4) if outlet is None else 4
            if form == 0:
                cue = "said"
                body.add(f"{ref} said that ")
            elif form == 1:
                cue = "according to"
                body.add(f"According to {ref.rstrip(',')}, ")
            elif form == 2:
                cue = rng.choice(("added", "warned", "stressed"))
                body.add(f"{ref} {cue} that ")
            elif form == 3:
                cue = "said"
                body.add(f"{ref} said ")
            else:
                cue = "told"
                body.add(f"{ref} told {outlet.ref} that ")
            span = body.words(words)
            body.add(".")
        quotes.append((words, kind, speaker, org, outlet, cue, said_on, *span))

    def _direct(self, rng: random.Random) -> str:
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        adjective = rng.choice(ADJECTIVES)
        roll = rng.randrange(12)
        if roll == 0:
            return (
                f"We {rng.choice(MODALS)} {verb[0]} the {adjective} {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 1:
            return (
                f"This {noun} is {rng.choice(EVALUATIONS)} for "
                f"{rng.choice(BENEFICIARIES)}."
            )
        if roll == 2:
            return (
                f"Our {rng.choice(CREWS)} are ready to {verb[0]} the {adjective} "
                f"{noun} together with our {rng.choice(PARTNERS)}."
            )
        if roll == 3:
            return f"There is no alternative to {verb[2]} the {adjective} {noun}."
        if roll == 4:
            return f"The {noun} cannot be {verb[1]} without {rng.choice(ABSTRACTS)}."
        if roll == 5:
            return (
                f"Nobody expected this to be easy, but we will {verb[0]} the {noun} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 6:
            return (
                f"We have {verb[1]} {rng.choice(NUMBERS)} {_plural(noun)} "
                f"{rng.choice(TIMES_PAST)}, and we will not stop there."
            )
        if roll == 7:
            return (
                f"The decision to {verb[0]} the {noun} was {rng.choice(EVALUATIONS)}, "
                "and it was taken together."
            )
        if roll == 8:
            return (
                f"{_cap(rng.choice(ABSTRACTS))} is the foundation of everything we do."
            )
        if roll == 9:
            return (
                f"I am convinced that the {adjective} {noun} will be {verb[1]} "
                f"{rng.choice(TIMES)}."
            )
        if roll == 10:
            return f"Despite {rng.choice(CONCERNS)}, the {noun} remains on schedule."
        return f"We are not going to {verb[0]} the {noun} under pressure."

    def _fragment(self, rng: random.Random) -> str:
        roll = rng.randrange(6)
        evaluation = rng.choice(EVALUATIONS)
        if roll == 0:
            return f"{_an(evaluation)} {rng.choice(STEPS)}"
        if roll == 1:
            return f"{rng.choice(ADVERBS)} {evaluation}"
        if roll == 2:
            return f"the most {evaluation} {rng.choice(STEPS)} in years"
        if roll == 3:
            return f"a matter of {rng.choice(ABSTRACTS)}"
        if roll == 4:
            return f"{evaluation} but {rng.choice(EVALUATIONS)}"
        return f"{_an(evaluation)} {rng.choice(STEPS)} for {rng.choice(BENEFICIARIES)}"

    def _clause(self, rng: random.Random) -> str:
        verb = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        roll = rng.randrange(6)
        if roll == 0:
            return (
                f"{rng.choice(SUBJECTS)} would {verb[0]} the {rng.choice(ADJECTIVES)} "
                f"{noun} {rng.choice(TIMES)}"
            )
        if roll == 1:
            return f"talks on the {noun} had {rng.choice(PROGRESS)}"
        if roll == 2:
            return (
                f"the {noun} was {rng.choice(EVALUATIONS)} for "
                f"{rng.choice(BENEFICIARIES)}"
            )
        if roll == 3:
            subject = rng.choice(SUBJECTS)
            was = "were" if subject in ("both sides", "the partners") else "was"
            return (
                f"{subject} {was} prepared to {verb[0]} more "
                f"{_plural(noun)} {rng.choice(TIMES)}"
            )
        if roll == 4:
            return f"the cost of the {noun} had risen because of {rng.choice(CONCERNS)}"
        return (
            f"a decision on the {rng.choice(ADJECTIVES)} {noun} was expected "
            f"{rng.choice(TIMES)}"
        )
