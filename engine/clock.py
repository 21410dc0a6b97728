"""The one clock: the audit date and the time stamps of runs, waivers and reports.

``today()`` is the audit date: ``DECAUDIT_TODAY`` (YYYY-MM-DD) when set, for reproducible
audits, else today in UTC. Time stamps (``utc_stamp``) are always the real time: they say
when something was written to the log.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

TODAY_ENV = "DECAUDIT_TODAY"


def utc_now() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """``2026-03-01T10:20:30Z``: how the log and the outputs write a time (UTC, seconds)."""
    when = moment or utc_now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """The audit date: ``DECAUDIT_TODAY`` when it is a valid date, else today (UTC).

    An invalid ``DECAUDIT_TODAY`` is reported by the settings resolver (``engine.config``),
    which every command goes through; here it is ignored.
    """
    env = os.environ if environ is None else environ
    raw = (env.get(TODAY_ENV) or "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    return utc_now().date()
