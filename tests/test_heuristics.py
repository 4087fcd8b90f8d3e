"""The prose heuristics never cry wolf and still catch what they are for.

Two corpora, in both languages: ordinary sentences a writer or translator would write,
which must not be flagged, and sentences that carry a phone number or identify someone,
which must be. A check that flags ordinary sentences teaches writers to ignore it.
"""

from __future__ import annotations

import pytest
from alliance.heuristics import identifying, phone_numbers

ORDINARY = [
    # dates of birth that are not dates
    "Elle est née le soir même de sa première séance, dit-elle de sa nouvelle vie.",
    "Il est né le jour où il a osé parler.",
    "She was born that very evening, she says of her new self.",
    "He felt born on a Tuesday, in a sense.",
    # counts that look like addresses or short numbers
    "Je suivais trois cours par semaine.",
    "Je suivais 3 cours par semaine.",
    "I took three classes a week.",
    "I took 3 classes a week.",
    "Nous avons essayé 3 chemins différents et 2 places de parking.",
    "I had 3 close friends at the time.",
    "Après deux séances, j'ai compris.",
    "Après 2 séances, j'ai compris.",
    "After two sessions, I felt heard.",
    "After 2 sessions, I felt heard.",
    "Une analyse de 190 sources de données, plus de 14\u00a0000 traitements.",
    "In 2011, an analysis of 190 data sources covered more than 14,000 treatments.",
    "Chacun écrit de 60 à 150 mots, à la première personne.",
    "Each of you writes 60 to 150 words, in the first person.",
    "La page 112 du rapport le dit.",
    "Over 190 studies, and the 3000 people of the STAR 2019 trial.",
    # years, ranges of years, dates, times, money, percentages
    "De 2019-2024, elle a vu la même psychologue.",
    "From 2019-2024 she saw the same therapist, and again in 1979–1991.",
    "Elle a lu ce livre en 2003, à 17 ans.",
    "Le 15 mars, nous avons repris.",
    "On 3 May we started again.",
    "We met at 10.30 on Friday; the session lasts 45 minutes.",
    "Disponible 24 h/24 et 7 j/7.",
    "Coût\u00a0: 60 € la séance, remboursée à 70 %.",
    "It costs £60, or 70% of the fee.",
    "Au 2e étage, au fond du couloir, depuis le 19e siècle.",
    # ranges and scores
    "Malaise ressenti (0–100), de 0 (aucun) à 100 (le plus fort).",
    "Rate it from 0 to 100 (the strongest), a mark out of 100.",
    "Une note sur 100, ou 70/100.",
    "Distress: 0 = none, 100 = the strongest you can imagine.",
    # "call" followed by a time, not a number
    "Appelez dix minutes avant votre rendez-vous.",
    "Appelez 10 minutes avant votre rendez-vous.",
    "Call ten minutes before your appointment.",
    "Call 10 minutes before your appointment.",
    "Text them 15 minutes before.",
    "Line 2 of the form asks for your goals.",
    # a number explicitly marked as not a phone number
    'Le code du dossier est <span class="not-phone">3120</span>.',
    # numbers inside links and citations are not prose
    "Voir [le décret](https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000033003812) [@horvath2011].",
]

PHONES = [
    ("Appelez le 3115 si ça ne va pas.", ["3115"]),
    ("Mon cabinet : 01 23 45 67 89.", ["0123456789"]),
    ("Composez le 18 en cas d'incendie.", ["18"]),
    ("Le 3919 répond jour et nuit.", ["3919"]),
    ("SOS Amitié, 09 72 39 40 50, vous écoute.", ["0972394050"]),
    ("Joignable au 3114 ou au 116 123, à toute heure.", ["3114", "116123"]),
    ("Numéro vert\u00a0: 0800 123 456.", ["0800123456"]),
    ("Call Samaritans on 116 124 any time.", ["116124"]),
    ("Text SHOUT to 85259.", ["85259"]),
    ("Ring +44 20 7946 0958 for the clinic.", ["442079460958"]),
    ("Dial 998 for help.", ["998"]),
    ("Helpline: 0800 123 456.", ["0800123456"]),
    ("In an emergency, 911.", ["911"]),
    ("NHS 111 is free to call.", ["111"]),
]

IDENTIFYING = [
    ("Elle est née le 12 mars 1985.", "a date of birth"),
    ("Je suis né en 1990, à la maternité.", "a date of birth"),
    ("Date de naissance : 03/04/1975.", "a date of birth"),
    ("She was born on 3 May 1990.", "a date of birth"),
    ("He was born in 1985, the youngest.", "a date of birth"),
    ("Date of birth: 1 April 1980.", "a date of birth"),
    ("Il habite 12 rue des Lilas.", "a street address"),
    ("Son cabinet est au 5, cours Mirabeau.", "a street address"),
    ("Rendez-vous 3 place de la République.", "a street address"),
    ("She lives at 221B Baker Street.", "a street address"),
    ("He moved to 14 Orchard Close last year.", "a street address"),
    ("Écrivez à marie.d@exemple.fr.", "an e-mail address"),
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_are_not_flagged(sentence: str) -> None:
    assert phone_numbers(sentence) == []
    assert identifying(sentence) == []


@pytest.mark.parametrize(("sentence", "numbers"), PHONES)
def test_phone_numbers_are_found_whatever_the_wording(sentence: str, numbers: list[str]) -> None:
    assert [found.digits for found in phone_numbers(sentence)] == numbers


@pytest.mark.parametrize(("sentence", "what"), IDENTIFYING)
def test_identifying_details_are_flagged(sentence: str, what: str) -> None:
    assert [found for _, found, _ in identifying(sentence)] == [what]
