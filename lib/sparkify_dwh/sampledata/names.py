"""Invented song titles, artist names and listener names, drawn from the word lists."""

from __future__ import annotations

import random

from sparkify_dwh.sampledata import vocabulary as words

FEMALE_SHARE = 0.55
TITLE_SUFFIX_SHARE = 0.08


def _person(rng: random.Random) -> str:
    first = rng.choice(words.FEMALE_FIRST_NAMES + words.MALE_FIRST_NAMES)
    return f"{first} {rng.choice(words.LAST_NAMES)}"


def invent_title(rng: random.Random) -> str:
    """A song title; some carry apostrophes, double quotes, accents or a version suffix."""
    adjective, noun = rng.choice(words.TITLE_ADJECTIVES), rng.choice(words.TITLE_NOUNS)
    verb, closer = rng.choice(words.TITLE_VERBS), rng.choice(words.TITLE_CLOSERS)
    foreign = rng.choice(words.FOREIGN_TITLE_WORDS)
    title = rng.choice(
        (
            f"{adjective} {noun}",
            f"The {adjective} {noun}",
            f"{verb} the {noun}",
            f"{verb} Me {closer}",
            f"{noun} of the {rng.choice(words.TITLE_NOUNS)}",
            f"Don't {verb} {closer}",
            f"I'll {verb} Your {noun}",
            f"The {noun}'s {rng.choice(words.TITLE_NOUNS)}",
            f'The "{adjective}" {noun}',
            f"{foreign}",
            f"{foreign} {closer}",
            f"¿{foreign}?",
        )
    )
    if rng.random() < TITLE_SUFFIX_SHARE:
        title += rng.choice(words.TITLE_SUFFIXES)
    return title


def invent_artist_name(rng: random.Random) -> str:
    """An artist: a band, a singer, a singer with a band, a stage name, an ensemble or a duet."""
    band = f"{rng.choice(words.BAND_ADJECTIVES)} {rng.choice(words.BAND_NOUNS)}"
    return rng.choice(
        (
            f"The {band}",
            band,
            _person(rng),
            f"{_person(rng)} & The {rng.choice(words.BAND_NOUNS)}",
            f"{rng.choice(words.STAGE_PREFIXES)} {rng.choice(words.TITLE_NOUNS)}",
            f"{rng.choice(words.LAST_NAMES)} {rng.choice(words.ENSEMBLE_WORDS)}",
            f"{_person(rng)} feat. {_person(rng)}",
        )
    )


def invent_listener(rng: random.Random) -> tuple[str, str, str]:
    """A listener's first name, last name and gender ("F" or "M")."""
    if rng.random() < FEMALE_SHARE:
        return rng.choice(words.FEMALE_FIRST_NAMES), rng.choice(words.LAST_NAMES), "F"
    return rng.choice(words.MALE_FIRST_NAMES), rng.choice(words.LAST_NAMES), "M"
