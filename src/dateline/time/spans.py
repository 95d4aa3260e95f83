"""Builders for durations, sets and the fixed vague phrases.

"two weeks" (P2W), "the past 20 years" (P20Y), "24 hours" (PT24H), "five-year"
(P5Y), "for years" (PXY); "every Monday" (XXXX-WXX-1), "daily" (P1D), "$1 billion a
year" (P1Y); "now" (PRESENT_REF), "recently" (PAST_REF).
"""

from __future__ import annotations

import re

from dateline.time.context import Context, Value, mod_of
from dateline.time.days import norm
from dateline.time.lexicon import lexicon
from dateline.time.quantity import duration_value, parse_number, unit_code

Match = re.Match[str]

#: Tags of the word before "a year" that make it a rate ("$1 billion a year",
#: "interviews a day") rather than a length ("within a year").
_RATE_TAGS = {"NNS", "NN", "CD", "$", "NNPS"}
#: A modal before "one day" makes it a vague future ("will one day be").
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|'ll)\s+$", re.I)
#: "or so" and friends after a duration.
_OR_MODS = {"or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS"}


def build_duration(m: Match, ctx: Context) -> Value | None:
    """"two weeks", "the past two months", "more than four hours", "2 1/2 years"."""
    unit = unit_code(m["u"])
    if unit is None or _is_age(m, ctx):
        return None
    number_text = norm(m["n"])
    if m["u"][0].isupper() and not m["n"][0].isupper():
        return None  # a name: "60 Minutes", "Sandra Day O'Connor"
    if number_text in ("a", "an") and unit == "S" and not m["det"]:
        return None  # "a second term"
    amount = None if m["n2"] else parse_number(m["n"])
    mod = mod_of(m["mod"]) or _OR_MODS.get(norm(m["orso"]))
    if number_text in ("a", "an", "one") and not (m["det"] or m["rel"] or m["mod"]):
        if _is_rate(m, ctx):
            return Value("SET", duration_value(1, unit))
        if number_text == "one" and unit == "D" and _MODAL_BEFORE.search(ctx.before(m.start())):
            return Value("DATE", "FUTURE_REF")  # "will one day be"
    return Value("DURATION", duration_value(amount, unit), mod)


def _is_age(m: Match, ctx: Context) -> bool:
    """"52 years old", "aged 30 years" describe a person, not a time."""
    return bool(re.match(r"[\s-]+(?:old|of\s+age)\b", ctx.after(m.end(), 12), re.I))


def _is_rate(m: Match, ctx: Context) -> bool:
    before = ctx.before(m.start(), 12)
    if re.search(r"\b(?:once|twice|thrice|times)\s*$", before, re.I):
        return True
    token = ctx.token_before(m.start())
    return token is not None and token.tag_ in _RATE_TAGS


def build_few_units(m: Match, ctx: Context) -> Value | None:
    """"the coming months", "the past years" -> a vague duration (PXM, PXY)."""
    unit = unit_code(m["u"])
    if unit is None or not m["u"].lower().endswith("s"):
        return None
    return Value("DURATION", duration_value(None, unit), mod_of(m["mod"]))


def build_unit_adj(m: Match, ctx: Context) -> Value | None:
    """"five-year", "16-hour", "8-month-old", "day-long", "decades-long"."""
    if m["u2"]:
        unit, amount = unit_code(m["u2"]), (None if m["u2"].lower().endswith("s") else 1.0)
        suffix = m["suf2"]
    else:
        unit = unit_code(m["u"] or m["u3"])
        amount = parse_number(m["n"] or m["n3"])
        suffix = m["suf"]
    if unit is None:
        return None
    if suffix and suffix.lower() == "old" and unit == "Y":
        return None  # "a three-year-old boy" is an age
    if amount is not None and amount <= 0:
        return None
    return Value("DURATION", duration_value(amount, unit))


def build_bare_units(m: Match, ctx: Context) -> Value | None:
    """"for years", "within weeks", "months of talks" -> PXY, PXW, PXM."""
    unit = unit_code(m["u"] or m["u2"])
    return Value("DURATION", duration_value(None, unit)) if unit else None


def build_set_every(m: Match, ctx: Context) -> Value | None:
    """"every Monday", "each July", "every morning", "every two weeks"."""
    lex = lexicon()
    word = m["w"]
    if (weekday := lex.weekday(word)) is not None and word[0].isupper():
        return Value("SET", f"XXXX-WXX-{weekday}")
    if (month := lex.month(word)) is not None and word[0].isupper():
        return Value("SET", f"XXXX-{month:02d}")
    lowered = word.lower()
    if lowered in lex.parts:
        return Value("SET", f"XXXX-XX-XXT{lex.parts[lowered]}")
    if lowered in lex.seasons:
        return Value("SET", f"XXXX-{lex.seasons[lowered]}")
    unit = unit_code(word)
    if unit is None:
        return None
    amount = parse_number(m["n"]) if m["n"] else 1.0
    if amount is not None and re.search(r"(?i)\bother\b", m.group()):
        amount *= 2  # "every other week"
    return Value("SET", duration_value(amount, unit))


def build_set_times(m: Match, ctx: Context) -> Value | None:
    """"twice a week", "three times a year" -> P1W, P1Y."""
    unit = unit_code(m["u"])
    return Value("SET", duration_value(1, unit)) if unit else None


def build_fixed(m: Match, ctx: Context) -> Value | None:
    """A phrase of ``expressions.tsv`` ("now", "recently", "daily")."""
    entry = lexicon().fixed.get(norm(m.group()))
    if entry is None:
        return None
    return Value(entry.type, entry.value, entry.mod)
