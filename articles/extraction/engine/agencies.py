"""Wire agencies and broadcasters the engine knows without the registry, so
that "told Reuters" or "said on CNN" proposes a news agency or a media
outlet of the right kind even when the newsroom has not entered it yet.

Data, not rules: an editor who misses an outlet adds a line here. Kinds are
the registry's (``news_agency``, ``media_outlet``).
"""

from __future__ import annotations

from .gazetteer import Gazetteer, KnownEntity

NEWS_AGENCY = "news_agency"
MEDIA_OUTLET = "media_outlet"
#: The kinds of outlets, whom words are said to, not for.
OUTLET_KINDS = frozenset({NEWS_AGENCY, MEDIA_OUTLET})

# (name, aliases, kind)
OUTLETS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Reuters", ("Thomson Reuters",), NEWS_AGENCY),
    ("Associated Press", ("AP", "The Associated Press"), NEWS_AGENCY),
    ("Agence France-Presse", ("AFP",), NEWS_AGENCY),
    ("Bloomberg", ("Bloomberg News",), NEWS_AGENCY),
    ("TASS", ("ITAR-TASS",), NEWS_AGENCY),
    ("RIA Novosti", ("RIA",), NEWS_AGENCY),
    ("Interfax", (), NEWS_AGENCY),
    ("Xinhua", ("Xinhua News Agency",), NEWS_AGENCY),
    ("Kyodo News", ("Kyodo",), NEWS_AGENCY),
    ("Yonhap", ("Yonhap News Agency",), NEWS_AGENCY),
    ("ANSA", (), NEWS_AGENCY),
    ("EFE", (), NEWS_AGENCY),
    ("Deutsche Presse-Agentur", ("dpa", "DPA"), NEWS_AGENCY),
    ("Press Association", ("PA Media",), NEWS_AGENCY),
    ("Anadolu Agency", ("Anadolu",), NEWS_AGENCY),
    ("Press Trust of India", ("PTI",), NEWS_AGENCY),
    ("United Press International", ("UPI",), NEWS_AGENCY),
    ("BBC", ("BBC News", "British Broadcasting Corporation"), MEDIA_OUTLET),
    ("CNN", (), MEDIA_OUTLET),
    ("Voice of America", ("VOA",), MEDIA_OUTLET),
    ("Al Jazeera", (), MEDIA_OUTLET),
    ("NPR", ("National Public Radio",), MEDIA_OUTLET),
    ("Fox News", (), MEDIA_OUTLET),
    ("CBS News", ("CBS",), MEDIA_OUTLET),
    ("NBC News", ("NBC",), MEDIA_OUTLET),
    ("ABC News", (), MEDIA_OUTLET),
    ("Sky News", (), MEDIA_OUTLET),
    ("Deutsche Welle", ("DW",), MEDIA_OUTLET),
    ("France 24", (), MEDIA_OUTLET),
    ("Euronews", (), MEDIA_OUTLET),
    ("Radio Free Europe/Radio Liberty", ("RFE/RL", "Radio Liberty"), MEDIA_OUTLET),
    ("RT", ("Russia Today",), MEDIA_OUTLET),
    ("CCTV", ("China Central Television",), MEDIA_OUTLET),
    ("NHK", (), MEDIA_OUTLET),
    ("The New York Times", ("New York Times",), MEDIA_OUTLET),
    ("The Washington Post", ("Washington Post",), MEDIA_OUTLET),
    ("The Wall Street Journal", ("Wall Street Journal",), MEDIA_OUTLET),
    ("The Guardian", (), MEDIA_OUTLET),
    ("Financial Times", (), MEDIA_OUTLET),
    ("The Times", (), MEDIA_OUTLET),
    ("Le Monde", (), MEDIA_OUTLET),
    ("Der Spiegel", ("Spiegel",), MEDIA_OUTLET),
    ("Kommersant", (), MEDIA_OUTLET),
    ("Izvestia", (), MEDIA_OUTLET),
    ("People's Daily", (), MEDIA_OUTLET),
    ("Global Times", (), MEDIA_OUTLET),
)

_SHIPPED: Gazetteer | None = None


def shipped() -> Gazetteer:
    """The outlets above as a gazetteer (built once)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = Gazetteer(
            organisations=[
                KnownEntity(name, aliases, kind=kind) for name, aliases, kind in OUTLETS
            ]
        )
    return _SHIPPED
