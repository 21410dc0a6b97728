"""Headings and field names of decision records written in French, German, Spanish,
Portuguese, Dutch, Norwegian, Danish or Swedish, as their English equivalents, so that every
reader recognises the parts of a record whatever its language ("## Contexte", "**Statut:**
Accepté", "## Entscheidung", "## Alternativer vurdert").

Only whole headings and field names are translated (after the usual reduction: lower case,
numbering and punctuation gone); the text of a record is never touched. The status words of
these languages are in :mod:`..adr.meta`."""

from __future__ import annotations

# reduced heading or field name -> the English key the readers know
TRANSLATED: dict[str, str] = {
    # French
    "statut": "status",
    "état": "status",
    "contexte": "context",
    "contexte et problème": "context and problem statement",
    "problème": "problem",
    "décision": "decision",
    "décision prise": "decision outcome",
    "résultat de la décision": "decision outcome",
    "conséquences": "consequences",
    "alternatives considérées": "alternatives considered",
    "alternatives envisagées": "alternatives considered",
    "options considérées": "considered options",
    "options envisagées": "considered options",
    "solutions envisagées": "considered options",
    "avantages": "advantages",
    "inconvénients": "disadvantages",
    "justification": "rationale",
    "décideurs": "deciders",
    "dernière mise à jour": "last updated",
    "date de décision": "decision date",
    "auteur": "author",
    "auteurs": "authors",
    # German
    "kontext": "context",
    "problemstellung": "problem",
    "entscheidung": "decision",
    "konsequenzen": "consequences",
    "folgen": "consequences",
    "alternativen": "alternatives",
    "betrachtete optionen": "considered options",
    "betrachtete alternativen": "alternatives considered",
    # the German MADR template's parts
    "kontext und problemstellung": "context and problem statement",
    "in betracht gezogene optionen": "considered options",
    "entscheidungstreiber": "decision drivers",
    "ergebnis der entscheidung": "decision outcome",
    "entscheidungsergebnis": "decision outcome",
    "pro und kontra der optionen": "pros and cons of the options",
    "vor- und nachteile der optionen": "pros and cons of the options",
    "weitere informationen": "more information",
    "vorteile": "advantages",
    "nachteile": "disadvantages",
    "begründung": "rationale",
    "entscheider": "deciders",
    "entscheidungsträger": "deciders",
    "datum": "date",
    "autor": "author",
    # Spanish and Portuguese
    "estado": "status",
    "contexto": "context",
    "decisión": "decision",
    "decisão": "decision",
    "consecuencias": "consequences",
    "consequências": "consequences",
    "alternativas": "alternatives",
    "alternativas consideradas": "alternatives considered",
    "opciones consideradas": "considered options",
    "opções consideradas": "considered options",
    "ventajas": "advantages",
    "desventajas": "disadvantages",
    "vantagens": "advantages",
    "desvantagens": "disadvantages",
    "fecha": "date",  # not Portuguese "data": an English "## Data" part is no date
    # Dutch
    "context en probleemstelling": "context and problem statement",
    "besluit": "decision",
    "beslissing": "decision",
    "gevolgen": "consequences",
    "overwogen opties": "considered options",
    "voordelen": "advantages",
    "nadelen": "disadvantages",
    # Norwegian, Danish and Swedish
    "kontekst": "context",
    "bakgrunn": "context",
    "baggrund": "context",
    "bakgrund": "context",
    "beslutning": "decision",
    "beslut": "decision",
    "konsekvenser": "consequences",
    "alternativer": "alternatives",
    "alternativ": "alternatives",
    "alternativer vurdert": "alternatives considered",
    "vurderte alternativer": "alternatives considered",
    "overvejede alternativer": "alternatives considered",
    "övervägda alternativ": "alternatives considered",
    "fordeler": "advantages",
    "fordele": "advantages",
    "fördelar": "advantages",
    "ulemper": "disadvantages",
    "ulemper og risiko": "disadvantages",
    "nackdelar": "disadvantages",
    "begrunnelse": "rationale",
    "begrundelse": "rationale",
    "motivering": "rationale",
    # "Navn på personer involvert i beslutningen": MADR's deciders, "everyone involved"
    "deltakere": "deciders",
    "deltagere": "deciders",
    "deltagare": "deciders",
    "beslutningstakere": "deciders",
    "beslutningstagere": "deciders",
    "beslutsfattare": "deciders",
    "dato": "date",
    "forfatter": "author",
    "författare": "author",
}


def translated(key: str) -> str:
    """The English key for a reduced heading or field name, or the key itself."""
    return TRANSLATED.get(key, key)
