"""Decision records written in French, German, Spanish, Portuguese or Dutch: their headings,
field names and status words are read as the English ones. An English heading that looks
like a foreign one (``## Data``) keeps its meaning.

The documents here are written for the tests.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.meta import map_status
from decaudit.engine.records.document.languages import TRANSLATED
from decaudit.engine.records.document.model import heading_key

FRENCH = """\
# Journaliser les appels du backend

**Date:** 2025-01-14
**Dernière mise à jour:** 2025-11-12
**Statut:** Accepté

## Contexte

Les erreurs du backend ne laissent aucune trace exploitable.

## Options envisagées

- Journaux texte
- Journaux JSON

## Décision

Nous retenons les journaux JSON.

## Conséquences

Les journaux sont plus volumineux.
"""

GERMAN = """\
# Ereignisse über Kafka verteilen

## Status

Abgelehnt

## Kontext

Dienste teilen Ereignisse über die Datenbank.

## Entscheidung

Wir bleiben bei der Datenbank.

## Konsequenzen

Keine neue Infrastruktur.
"""


def test_a_french_record() -> None:
    rec = read_text(FRENCH, "adrs/0005-journaux.md").record
    assert rec.status == "accepted"
    assert str(rec.date) == "2025-01-14"
    assert (rec.model_extra or {}).get("x_updated") == "2025-11-12"
    assert rec.context and rec.consequences
    assert [(o.title, o.chosen) for o in rec.options] == [
        ("Journaux texte", False),
        ("Journaux JSON", True),
    ]


def test_a_german_record() -> None:
    rec = read_text(GERMAN, "docs/adr/0003-kafka.md").record
    assert rec.status == "rejected"
    assert rec.context and rec.rationale and rec.consequences


_WORDS = [("Adopté", "accepted"), ("Vorgeschlagen", "proposed"), ("Rechazado", "rejected")]


@pytest.mark.parametrize(
    ("word", "status"),
    [*_WORDS, ("Substituído", "superseded"), ("Verouderd", "deprecated"), ("Aceito", "accepted")],
)
def test_status_words(word: str, status: str) -> None:
    assert map_status(word)[0] == status


def test_english_headings_keep_their_meaning() -> None:
    assert heading_key("## Data") == "data"
    assert heading_key("## Alternatives") == "alternatives"
    assert all(key != value for key, value in TRANSLATED.items())


GERMAN_MADR = """\
# Architektur des Systems

- Status: proposed
- Entscheider: Ana Lima, Bo Chen

## Kontext und Problemstellung

Das System soll wachsen, ohne dass jede Änderung alles neu ausliefert.

## Entscheidungstreiber

- Wartbarkeit

## In Betracht gezogene Optionen

- monolithisch
- verteilt

## Ergebnis der Entscheidung

Gewählte Option: "verteilt", weil die Teams unabhängig ausliefern können.

## Pro und Kontra der Optionen

### monolithisch

- Gut, weil es einfach zu betreiben ist
- Schlecht, weil jede Änderung alles neu ausliefert

### verteilt

- Gut, weil Teams unabhängig ausliefern
- Schlecht, weil der Betrieb aufwendiger ist
"""


def test_a_record_from_the_german_madr_template() -> None:
    rec = read_text(GERMAN_MADR, "adrs/001-architektur.md").record
    found = {o.title: (o.chosen, len(o.pros), len(o.cons)) for o in rec.options}
    assert found == {"monolithisch": (False, 1, 1), "verteilt": (True, 1, 1)}
    assert rec.decision_drivers == ["Wartbarkeit"]
    assert rec.context is not None and rec.context.startswith("Das System soll wachsen")


NORWEGIAN = """\
# 0002 - Pakkeversjonering

## Status

- [x] Foreslått (dato: 2025-06-02)
- [x] Akseptert (dato: 2025-06-10)
- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)
- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD)

## Kontekst

Tre pakker skal versjoneres hver for seg.

## Beslutning

Vi bruker Changesets til å versjonere og publisere pakkene.

## Konsekvenser

Pakkene blir publisert automatisk.

## Alternativer vurdert

1. Manuell tagging
   Dette gir kontroll, men er lett å gjøre feil med.

2. Publisering fra versjonsnummeret i package.json
   Det fjerner taggingen, men alt publiseres med en gang.

## Deltakere

- Kari Nordmann
"""


def test_a_norwegian_record_reads_its_parts_its_ticked_status_and_alternatives() -> None:
    rec = read_text(NORWEGIAN, "docs/adr/adr-0002-pakkeversjonering.md").record
    assert rec.status == "accepted" and str(rec.date) == "2025-06-10"  # the last box ticked
    assert rec.decision_makers == ["Kari Nordmann"]
    assert [o.title for o in rec.options if not o.chosen] == [
        "Manuell tagging",
        "Publisering fra versjonsnummeret i package.json",
    ]
    assert rec.context and rec.consequences


@pytest.mark.parametrize(
    ("word", "status"),
    [("Akseptert", "accepted"), ("Godkendt", "accepted"), ("Föreslagen", "proposed"),
     ("Avvist", "rejected"), ("Erstattet", "superseded")],
)  # fmt: skip
def test_scandinavian_status_words(word: str, status: str) -> None:
    assert map_status(word)[0] == status
