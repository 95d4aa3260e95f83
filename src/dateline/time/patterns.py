"""The regular grammar of time expressions, as named pattern strings.

Each pattern is a template over pieces (``{MONTH}``, ``{NUM}``, ...) filled from the
word tables (:func:`dateline.time.lexicon.snippets`) and from the fixed
pieces below. Patterns use named groups that the builders in
:mod:`dateline.time.rules` read; a group ``x``, when present, is the
extent (words around it are context only, e.g. the "for" of "for years").
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.time.lexicon import alternation, lexicon, snippets

#: Fixed pieces (not from the tables).
_PIECES = {
    # A year of four digits, not part of a longer number, an amount or a code.
    "YEAR": r"(?<![\w$£€#.,/])(?:1[0-9]{3}|20[0-9]{2})(?![\w%]|[.,]\d|-\d)",
    "DAYNUM": r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![\w:,]\d|\d|\s*%)",
    "AMPM": r"(?:[ap]\.\s?m\b\.?|[ap]m\b|[AP]\.\s?M\b\.?|[AP]M\b)",
    # Spoken decades ("the nineties").
    "TENS": r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    "RELDET": r"(?:that\s+same|this\s+past|this\s+coming|this|last|next|past|coming|previous"
    r"|following"
    r"|current|latest|same|prior|upcoming|that|the(?:\s+(?:past|last|next|coming|previous"
    r"|following|current|latest|same|prior|present|upcoming|preceding|ensuing|very\s+same"
    r"|full|entire|whole))?)",
}


def _mods(where: set[str]) -> str:
    """Alternation of the modifier phrases usable before ``where`` expressions."""
    lex = lexicon()
    words = [p for p, (_, w) in lex.modifiers.items() if w in where]
    return alternation(words)


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    """All pieces, with the composite ones (NUM, CLOCK, MONTHDAY, ...) expanded."""
    p = dict(snippets())
    p.update(_PIECES)
    p["POINTMOD"] = _mods({"point", "any"})
    p["DURMOD"] = _mods({"duration", "any"})
    p["NUMW"] = (
        r"(?:an?\s+(?=(?i:hundred|thousand)))?{NUMWORD}(?:(?:\s+and\s+|\s+|-){NUMWORD})*"
    ).format(**p)
    p["NUM"] = (
        r"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?|{NUMW}(?:\s+and\s+a\s+half)?"
        r"|(?i:an?)(?:\s+and\s+a\s+half)?|(?i:half)\s+an?|(?i:one)\s+and\s+a\s+half)"
    ).format(**p)
    p["UNITS"] = r"(?:{UNIT}s?|centuries|millennia)(?![\w-])".format(**p)
    p["CLOCK"] = (
        r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{AMPM})?|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*{AMPM}"
        r"|(?<![\w-])(?:noon|midnight|midday|NOON|MIDNIGHT|MIDDAY))"
    ).format(**p)
    p["MONTHDAY"] = (
        r"(?:{MONTH}\s+{DAYNUM}(?:,?\s+{YEAR})?|(?:the\s+)?{DAYNUM}(?:\s+of)?\s+{MONTH}"
        r"(?:,?\s+{YEAR})?)"
    ).format(**p)
    p["DAYREF"] = (
        r"(?:{WEEKDAY}(?:,?\s+{MONTHDAY})?|{MONTHDAY}|(?i:today|yesterday|tomorrow|tonight))"
    ).format(**p)
    return p


#: name -> pattern template. The order is the tie-break between matches of equal
#: length (earlier wins); longer matches always win.
TEMPLATES: dict[str, str] = {
    "iso_date": (
        r"\b(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b"
    ),
    "slash_date": r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{{4}}|\d{{2}})(?![\d/])",
    "clock": (
        r"(?:(?P<mod>{POINTMOD})\s+)?(?P<clock>{CLOCK})(?:\s+(?P<zone>{ZONE}))?"
        r"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?"
        r"(?:,?\s+(?:on\s+)?(?P<day>{DAYREF}))?"
    ),
    "clock_words": (
        r"(?P<hour>1[0-2]|[1-9]|{NUMWORD})(?:\s+o['’]clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening|night)"
    ),
    "clock_oclock": r"(?P<hour>1[0-2]|[1-9]|{NUMWORD})\s+o['’]clock",
    "part_of_day": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow|this|that"
        r"|last|the\s+next|the\s+following|the\s+previous|the\s+same)|{MONTHDAY})[\s,]+"
        r"(?P<part>{PART}s?)(?![\w'])"
    ),
    "part_after": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?P<part>{PART})\s+(?P<day>{WEEKDAY}|(?i:today|"
        r"yesterday|tomorrow))"
    ),
    "tonight": r"(?:(?P<mod>{POINTMOD})\s+)?(?P<word>(?i:tonight|overnight))\b",
    "part_alone": r"(?P<mod>(?i:early|mid|late))[\s-]+(?P<part>(?i:morning|afternoon|evening))\b",
    "month_day": (
        r"(?:(?P<mod>{POINTMOD})\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?"
        r"(?:(?P<m1>{MONTH})\s+(?P<d1>{DAYNUM})|(?P<d2>{DAYNUM})(?:\s+of)?\s+(?P<m2>{MONTH}))"
        r"(?:,?\s+(?P<y>{YEAR}))?"
    ),
    "week_of": r"(?i:the\s+week\s+of)\s+(?P<md>{MONTHDAY})",
    "month_year": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})"
        r"|(?P<rel>(?i:last|next|this))\s+year|['’](?P<yy>\d\d)(?!\w))"
    ),
    "month": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this"
        r"|past|coming))\s+)?(?P<m>{MONTH})"
    ),
    "season": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this"
        r"|past|coming|the|that))\s+)?(?:(?P<mod2>(?i:early|mid|late))[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?![\w-])"
    ),
    "year": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?:(?P<pp>(?i:pre|post))-)?(?:(?P<fiscal>(?i:fiscal"
        r"(?:\s+year)?|calendar(?:\s+year)?|the\s+year|FY))\s*)?(?P<y>{YEAR})"
        r"(?:\s+(?P<orl>or\s+(?:later|earlier|before|after|beyond)))?"
    ),
    "fiscal_year": r"(?<![\w-])FY[\s-]?(?P<y>\d{{4}}|\d\d)(?!\w)",
    "spoken_year": (
        r"(?:(?i:the\s+year)\s+)?(?P<sp>(?i:nineteen)[\s-]+(?P<yy>{NUMW}))(?![\w-])"
        r"|(?i:the\s+year)\s+(?P<two>(?i:two\s+thousand(?:\s+and)?(?:\s+{NUMWORD})?))"
    ),
    "decade": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?:(?i:the)\s+)?(?:(?P<mod2>(?i:early|mid|late))[\s-]+)?"
        r"(?:(?P<ddd>1\d\d|20\d)0['’]?s|['’](?P<dd>\d)0['’]?s|(?P<nt>(?i:nineteen)[\s-]+)?"
        r"(?P<tens>(?i:{TENS})))(?![\w])"
    ),
    "century": (
        r"(?:(?i:the|this|last|next)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"
        r"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>{ORDINAL})|(?P<rel>(?i:this|last|next)))"
        r"[\s-]+(?i:century)"
    ),
    "relday": (
        r"(?:(?P<mod>{POINTMOD})\s+)?(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after"
        r"\s+tomorrow|today|yesterday|tomorrow))(?!\w)"
    ),
    "weekday": (
        r"(?:(?P<mod>{POINTMOD})\s+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this"
        r"|coming|past|the\s+previous|the\s+following|the\s+next|that))\s+)?(?P<wd>{WEEKDAY})"
    ),
    "rel_unit": (
        r"(?:(?P<mod>{POINTMOD})[\s-]+)?(?:(?P<rel>(?i:{RELDET}))\s+)(?:(?i:fiscal|calendar)\s+)?"
        r"(?P<u>(?i:weekend|week|month|year|decade|century|day))(?!-)(?:['’]s)?(?!\w)"
    ),
    "in_the_unit": r"(?P<mod>(?i:earlier|later))\s+in\s+the\s+(?P<u>(?i:year|month|week|day))",
    "year_end": r"(?:(?i:the\s+end\s+of\s+the\s+year)|(?i:year)[\s-](?i:end)|(?i:year['’]s\s+end))",
    "quarter": (
        r"(?:(?i:the|its|their|a)\s+)?(?:(?:(?P<y1>{YEAR})|(?P<rel>(?i:this|last|next))\s+year['’]s"
        r"|(?P<flag>(?i:fiscal|calendar|comparable|corresponding|flat|year-earlier|year-ago"
        r"|same)))[\s-]+)*(?P<n>{ORDINAL}|[1-4](?:st|nd|rd|th))[\s-]+(?P<u>(?i:quarter|half))"
        r"(?:s)?(?![\w-])(?:\s+(?i:of)\s+(?:(?P<y2>{YEAR})|(?P<rel2>(?i:this|last|next))"
        r"\s+year|(?i:the\s+(?:fiscal\s+)?year)))?"
        r"|(?<![\w-])(?P<qn>Q[1-4]|H[12])(?!\w)(?:\s+(?P<qy>{YEAR}))?"
    ),
    "quarter_rel": (
        r"(?P<rel>(?i:the\s+latest|the\s+current|the\s+last|the\s+previous|the\s+past|the\s+next"
        r"|the\s+coming|the\s+same|the\s+comparable|the\s+year-earlier|the\s+year-ago|the"
        r"\s+comparable\s+year-ago|the\s+comparable\s+year-earlier|the\s+corresponding|this|last"
        r"|next|that|the|the\s+(?:{YEAR})|latest|year-earlier|year-ago))\s+(?:(?i:fiscal)\s+)?"
        r"(?P<u>(?i:quarter|period|half))(?![\w-])(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year"
        r"|of\s+last\s+year))?"
    ),
    "year_earlier": r"(?<![\w-])(?P<w>(?i:year-earlier|year-ago|year-before))(?![\w-])",
    "ago": (
        r"(?:(?P<mod>{DURMOD}|{POINTMOD})\s+)?(?P<n>{NUM})\s+(?P<u>{UNITS})(?:\s+or\s+so)?"
        r"\s+(?P<dir>(?i:ago|earlier|later|hence|from\s+now|back))(?!\w)"
    ),
    "vague_ago": r"(?P<u>(?i:years|months|weeks|days|decades))\s+(?P<dir>(?i:ago))(?!\w)",
    "duration": (
        # "over the past three months" is "during", not "more than".
        r"(?:(?P<mod>{DURMOD})\s+(?!(?i:the|its|their|his|her|our|these|those)\b))?"
        r"(?:(?P<det>(?i:the|another|those|these|its|their|his|her|our"
        r"|an\s+additional|a\s+further|an\s+extra))\s+)?(?:(?P<rel>(?i:past|last|next|first"
        r"|coming|previous|following|latest|final|remaining|initial|subsequent|ensuing"
        r"|preceding|year-earlier|year-ago|same|full|entire|whole|better\s+part\s+of\s+the|"
        r"early|few))\s+)?(?P<n>{NUM})(?:\s*(?:to|or|-|and)\s*(?P<n2>{NUM}))?"
        r"(?:\s+(?i:more|additional|full|straight|consecutive|trading|business|working|calendar"
        r"|long))?\s+(?P<u>{UNITS})(?P<orso>\s+(?i:or\s+so|or\s+more|or\s+less))?"
    ),
    "few_units": (
        r"(?:(?P<mod>{DURMOD})\s+)?(?P<det>(?i:the|these|those))\s+(?P<rel>(?i:past|last|next"
        r"|coming|previous|following|first|recent))\s+(?P<u>{UNITS})"
    ),
    "unit_adj": (
        r"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{NUMW}|an?)[\s-](?P<u>(?i:second|minute|hour|day|week"
        r"|month|quarter|year|decade|century))-(?P<suf>(?i:long|old))?(?=[\s,.;:)])"
        r"|(?<![\w-])(?P<n3>\d+(?:\.\d+)?|{NUMW})-(?P<u3>(?i:second|minute|hour|day|week|month"
        r"|quarter|year|decade|century))(?![\w-])"
        r"|(?<![\w-])(?P<u2>(?i:day|week|month|year|decades|years|months))-(?P<suf2>(?i:long|old))"
    ),
    "bare_units": (
        r"(?P<lead>(?i:for|in|within|over|after|during|than|of|from|take|took|takes|taken|last"
        r"|lasted|spent|spend|wait|waited))\s+(?P<x>(?P<u>(?i:years|months|weeks|days|hours"
        r"|decades|centuries|minutes)))(?![\w-])"
        r"|(?<![\w-])(?P<x2>(?P<u2>(?i:years|months|weeks|decades)))\s+(?i:of|later|long)\b"
    ),
    "set_every": (
        r"(?i:every|each)\s+(?:(?i:other)\s+)?(?:(?P<n>{NUM})\s+)?(?P<w>{WEEKDAY}|{MONTH}"
        r"|(?i:{PART})|(?i:{SEASON})|{UNITS})"
    ),
    "set_times": (
        r"(?P<freq>(?i:once|twice|thrice|(?:{NUM})\s+times))\s+(?i:a|an|per|each|every)\s+"
        r"(?P<u>{UNITS})"
    ),
    "set_per": r"(?<![\w-])(?i:per)\s+(?P<u>{UNITS})",
}


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    """Every template filled and compiled, in priority order."""
    p = pieces()
    out = {name: re.compile(template.format(**p)) for name, template in TEMPLATES.items()}
    out["fixed"] = re.compile(
        r"(?<![\w-])" + alternation(list(lexicon().fixed)) + r"(?![\w-])"
    )
    out["holiday"] = re.compile(
        r"(?<![\w-])(?P<h>" + alternation(list(lexicon().holidays)) + r")(?:['’]s)?(?![\w-])"
    )
    return out
