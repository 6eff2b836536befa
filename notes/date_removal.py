"""Dates dropped from text, for a report written without dates (HIPAA Safe Harbor keeps no
date more specific than a year).

A date with a year becomes the year ("3 March 2026", "2026-03-12", "12.03.2026", "March 4th,
2026" → "2026"); a date without one, or with a two-digit year, becomes "[date]" ("on 5 May",
"12/03", "12.03.26"). Month names come from Unicode's CLDR through `babel`, in English, the
languages of Europe's larger caseloads and the computer's own locale, full and abbreviated
("3 mars 2026", "12. März", "3 de marzo de 2026").
"""

from __future__ import annotations

import locale
import re
from functools import lru_cache

# Languages whose month names are always recognised, besides the computer's locale.
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl")

_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|\.|º|er)?"
_YEAR = r"(?:19|20)\d\d"
_OF = r"(?:\s+(?:of|de|del|di))?"  # "3rd of March", "3 de marzo", "3 di marzo"


def _locale_language() -> str | None:
    name = locale.getlocale(locale.LC_TIME)[0] or locale.getlocale()[0]
    return name.split("_")[0].lower() if name else None


def _calendar_names(kind: str) -> set[str]:
    """The names of months or days ("months", "days"), full and abbreviated, in lower case."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    names_of = get_month_names if kind == "months" else get_day_names
    languages = list(LANGUAGES)
    own = _locale_language()
    if own and own not in languages:
        languages.append(own)
    names: set[str] = set()
    for language in languages:
        try:
            Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            continue  # a locale CLDR does not know ("C"): English and the rest still apply
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for name in names_of(width, context, language).values():
                    name = name.strip(".").casefold()
                    if len(name) >= 3 and not name.isdigit():
                        names.add(name)
    return names


@lru_cache(maxsize=1)
def month_names() -> tuple[str, ...]:
    """Every month name and abbreviation known, longest first so "March" wins over "Mar"."""
    return tuple(sorted(_calendar_names("months"), key=len, reverse=True))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """The names of months and weekdays, in lower case: capitalised, but nobody's name."""
    return frozenset(_calendar_names("months") | _calendar_names("days"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # An abbreviation's dot only before the number that follows, so the full stop of "next on
    # 21 Sep." stays.
    month = "(?:" + "|".join(map(re.escape, month_names())) + r")(?:\.(?=\s*\d))?"
    with_year = re.compile(
        rf"(?<!\w)(?:{_DAY}{_OF}\s*{month}{_OF},?\s+{_YEAR}|{month}\s+{_DAY},?\s+{_YEAR}"
        rf"|{_YEAR}-[01]?\d-[0-3]?\d(?:T[\d:.]+Z?)?|\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR})(?!\w)",
        re.IGNORECASE,
    )
    without_year = re.compile(
        rf"(?<!\w)(?:{_DAY}{_OF}\s*{month}|{month}\s+[0-3]?\d(?:st|nd|rd|th)?"
        r"|\d{1,2}[./]\d{1,2}[./]\d\d|[0-3]?\d/[01]?\d)(?![\w/])",
        re.IGNORECASE,
    )
    return with_year, without_year


def without_dates(text: str) -> str:
    """The text with each date shown as its year and a date without a year as "[date]"."""
    with_year, without_year = _patterns()
    text = with_year.sub(lambda match: re.findall(_YEAR, match[0])[-1], text)
    return without_year.sub("[date]", text)
