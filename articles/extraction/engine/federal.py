"""Word lists of the U.S. federal government the extraction rules lean on:
its executive departments and the titles of their heads, the national
offices whose holders speak for the office, and the words only U.S. copy
uses of its own government and places. ``lexicon`` re-exports them, so the
rules read them as ``lx.CABINET_TITLES`` beside the other word lists."""

from __future__ import annotations

import re

# The executive departments of the United States, by the word their
# secretaries' titles use ("Defense Secretary", "Secretary of Agriculture").
CABINET_DEPARTMENTS = {
    "Defense": "U.S. Department of Defense",
    "Commerce": "U.S. Department of Commerce",
    "Agriculture": "U.S. Department of Agriculture",
    "Energy": "U.S. Department of Energy",
    "Interior": "U.S. Department of the Interior",
    "the Interior": "U.S. Department of the Interior",
    "Labor": "U.S. Department of Labor",
    "Treasury": "U.S. Department of the Treasury",
    "the Treasury": "U.S. Department of the Treasury",
    "State": "U.S. Department of State",
    "Education": "U.S. Department of Education",
    "Transportation": "U.S. Department of Transportation",
    "Homeland Security": "U.S. Department of Homeland Security",
    "Veterans Affairs": "U.S. Department of Veterans Affairs",
    "Health and Human Services": "U.S. Department of Health and Human Services",
    "Housing and Urban Development": (
        "U.S. Department of Housing and Urban Development"
    ),
}

# Heads of U.S. executive departments whose titles name no department
# (the Cabinet as listed at whitehouse.gov/administration/cabinet); a state's
# ("Michigan Attorney General") names its state before the title instead.
CABINET_TITLES = {
    "Attorney General": "U.S. Department of Justice",
    "Deputy Attorney General": "U.S. Department of Justice",
    "Assistant Attorney General": "U.S. Department of Justice",
    "Postmaster General": "United States Postal Service",
    "Surgeon General": "U.S. Department of Health and Human Services",
    # The civilian heads of the military departments speak for their
    # service, which a rank before a name does not ("Navy Adm. Jo Roe").
    **{
        title: f"U.S. {service}"
        for service in ("Army", "Navy", "Air Force")
        for title in (
            f"{service} Secretary",
            f"Secretary of the {service}",
            f"{service} Under Secretary",
            f"Under Secretary of the {service}",
        )
    },
}

# Bodies and words only the U.S. government's own copy and copy about it name
# (the White House, the Pentagon, Congress, "U.S." itself).
US_GOVERNMENT_MARKERS = (
    "White House",
    "Pentagon",
    "Congress",
    "U.S.",
    "United States",
    "Capitol Hill",
)
# A place written with a U.S. state's abbreviation, as U.S. copy writes its
# datelines and venues ("Joint Base Andrews, Md.", "Houston, Texas"), and the
# nation's own demonym in the plural ("ordinary Americans"): near a bare
# "President", the United States is the state they head.
US_STATE_ABBREVIATIONS = tuple(
    """
    Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La.
    Mass. Md. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C.
    N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Texas Va. Vt. Wash. W.Va. Wis.
    Wyo. D.C.
    """.split()
)
US_SETTING_RE = re.compile(
    r"[A-Z][\w.-]*,\s+(?:"
    + "|".join(re.escape(a) for a in US_STATE_ABBREVIATIONS)
    + r")(?=[\s,;:)]|$)|\bAmericans\b"
)

# A national office whose holder speaks for the office, not the state.
NATIONAL_OFFICES = {
    ("United States", "Trade Representative"): (
        "Office of the United States Trade Representative"
    ),
}
