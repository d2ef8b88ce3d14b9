"""A bare spokesperson title after a sentence whose subject is a body: "On
Tuesday, the Harbour Board urged Ruritania to stop. Spokeswoman Ann Marsh
said …" makes her the board's spokeswoman. One made-up passage each."""

from __future__ import annotations

from articles.extraction.engine import extract


def spoke_for(text):
    """Each (speaker, organisation) the quotes give, once."""
    x = extract(text)
    return sorted(
        {
            (
                x.person(q.speaker).name if q.speaker else None,
                x.organisation(q.organisation).name if q.organisation else None,
            )
            for q in x.quotes
        }
    )


QUOTE = 'Spokeswoman Ann Marsh said the fighting "must stop now."'


class TestSpokespersonOfTheSubject:
    def test_the_body_after_an_opening_phrase_is_spoken_for(self):
        assert spoke_for(
            "On Tuesday, the Harbour Board urged Ruritania to stop backing "
            f"the rebel group. {QUOTE}"
        ) == [("Ann Marsh", "Harbour Board")]

    def test_the_body_opening_the_sentence_is_spoken_for(self):
        assert spoke_for(f"The Harbour Board has urged calm. {QUOTE}") == [
            ("Ann Marsh", "Harbour Board")
        ]

    def test_a_body_that_is_an_object_is_not(self):
        assert spoke_for(f"Rebels attacked the Army base. {QUOTE}") == [
            ("Ann Marsh", None)
        ]

    def test_not_past_another_body_or_person_between(self):
        assert spoke_for(
            f"On Tuesday, the Harbour Board urged the Port Authority to stop. {QUOTE}"
        ) == [("Ann Marsh", None)]
        assert spoke_for(
            f"The Harbour Board met Minister Jo Roe on Monday. {QUOTE}"
        ) == [("Ann Marsh", None)]

    def test_a_role_naming_its_own_body_keeps_it(self):
        assert spoke_for(
            "The Harbour Board has urged calm. Police spokeswoman Ann Marsh said "
            'the fighting "must stop now."'
        ) == [("Ann Marsh", "Police")]

    def test_a_body_of_her_own_after_the_name(self):
        """ "Spokeswoman Ann Marsh, of the Fishermen's Union, said …": she
        speaks for the union the rules did not name, not the board."""
        assert spoke_for(
            "The Harbour Board raised fees on Monday. Spokeswoman Ann Marsh, "
            'of the Fishermen\'s Union, said, "This will ruin us."'
        ) == [("Ann Marsh", None)]

    def test_a_role_after_the_name_naming_a_body(self):
        """ "Spokeswoman Ann Marsh, a Fishermen's Union official, said …"."""
        assert spoke_for(
            "The Harbour Board raised fees on Monday. Spokeswoman Ann Marsh, "
            'a Fishermen\'s Union official, said, "This will ruin us."'
        ) == [("Ann Marsh", None)]

    def test_a_phrase_after_the_name_naming_no_body(self):
        assert spoke_for(
            "The Harbour Board raised fees on Monday. Spokeswoman Ann Marsh, "
            'speaking in Lyon, said, "This will help us."'
        ) == [("Ann Marsh", "Harbour Board")]
