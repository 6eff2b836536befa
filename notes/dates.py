"""Month arithmetic, written once: the conduct trend, the report's default period and the
attendance chart all count in calendar months. And a day as the charts' tables write it."""

from __future__ import annotations

from datetime import date


def month_start(day: date) -> date:
    """The first day of the day's month: the key by which things are counted per month."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier if negative); a day the month
    does not have becomes its last: 31 May minus 3 months is 28 or 29 February."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return date(year, month, min(day.day, _days_in(year, month)))


def months_before(day: date, months: int) -> date:
    return add_months(day, -months)


def months_from(start: date, end: date) -> list[date]:
    """The first day of every month from start's to end's, both included, oldest first."""
    months = []
    month = month_start(start)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def recent_months(today: date, count: int = 6) -> list[date]:
    """The first day of each of the last `count` months, oldest first, ending with today's."""
    if count <= 0:
        return []
    return months_from(add_months(month_start(today), 1 - count), today)


def _days_in(year: int, month: int) -> int:
    """Days in a month (the calendar module is not worth its import time at start-up)."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date, padded: bool = True) -> str:
    """ "05 Jan 2026" (or "5 Jan 2026" unpadded), as strftime's "%d %b %Y" writes it in the C
    locale, which the app keeps. Not strftime itself: under PySide6 every strftime call goes
    through Python's import hook (about 6 µs), and a long history's tables hold thousands."""
    number = f"{day.day:02d}" if padded else str(day.day)
    return f"{number} {_MONTHS[day.month - 1]} {day.year}"
