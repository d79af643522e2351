"""What a statement leaves unsaid, taken from the rest of its article.

News names the speaker, the medium and the day once and then goes on quoting: a
headline is the short form of a statement the body reports in full; a quote after
"Lavrov told reporters on Monday" was said at the same briefing; a post embedded in
the page carries its author and day in its signature. These passes fill a missing
speaker, channel or day from such evidence, and guess nothing when the evidence
disagrees.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..models import Article, Statement
from .dates import find_date

__all__ = ["embedded_posts", "headlines_from_body", "share_within_speaker"]


def headlines_from_body(statements: list[Statement], headlines: set[int]) -> list[Statement]:
    """Speaker, channel and day of a headline statement, from the body that reports it.

    A headline ("Russia: the vote changes nothing") is the short form of a statement
    the article then reports in full, with who said it, where and when: the first
    statement of the same actor after the headline.
    """
    out = list(statements)
    for k in sorted(headlines):
        st = out[k]
        body = next(
            (
                b for j, b in enumerate(statements)
                if j > k and j not in headlines and b.actor == st.actor and b.kind != "summary"
            ),
            None,
        )  # fmt: skip
        if body is None:
            continue
        if st.speaker is None and body.speaker:
            st = replace(st, speaker=body.speaker, speaker_title=body.speaker_title)
        if st.channel is None and body.channel:
            st = replace(st, channel=body.channel)
        if st.date_basis in (None, "article") and body.date_basis == "text":
            st = replace(st, date=body.date, date_basis="earlier")
        out[k] = st
    return out


# The signature line a social-media embed leaves in a page's text:
# "— Anna Kowalski (@AnnaKowalski) March 3, 2031"
_EMBED = re.compile(
    r"^[ \t]*[—–-][ \t]*(?P<name>[^()\n@]{2,80}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?P<day>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$",
    re.MULTILINE,
)


def embedded_posts(article: Article, statements: list[Statement]) -> list[Statement]:
    """Channel and day of statements by the author of a post embedded in the article.

    Pages that embed a post keep its signature ("— Name (@handle) Month D, YYYY"),
    which tells the medium and the day of what that person said.
    """
    signed: dict[str, date | None] = {}
    for m in _EMBED.finditer(article.text):
        surname = m.group("name").split()[-1].lower()
        signed[surname] = find_date(m.group("day"), article.published)
    if not signed:
        return statements
    out = []
    for st in statements:
        surname = st.speaker.split()[-1].lower() if st.speaker else None
        if surname in signed and st.kind != "summary":
            day = signed[surname]
            if st.channel is None:
                st = replace(st, channel="twitter")
            if day is not None and st.date_basis in (None, "article"):
                st = replace(st, date=day, date_basis="text")
        out.append(st)
    return out


def share_within_speaker(statements: list[Statement]) -> list[Statement]:
    """Fill a statement's missing channel and date from the same speaker's other statements.

    An article names the medium and the day once ("Lavrov told reporters on Monday")
    and then quotes the same person again without them. When every other statement of
    that speaker (same actor, same surname) that names a channel or a day names the
    same one, the unnamed ones take it; when they disagree, nothing is guessed.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for k, st in enumerate(statements):
        if st.kind != "summary" and st.speaker:
            groups.setdefault((st.actor, st.speaker.split()[-1].lower()), []).append(k)
    out = list(statements)
    for members in groups.values():
        channels = {statements[k].channel for k in members if statements[k].channel}
        days = {statements[k].date for k in members if statements[k].date_basis == "text"}
        for k in members:
            st = out[k]
            if st.channel is None and len(channels) == 1:
                st = replace(st, channel=next(iter(channels)))
            if st.date_basis in (None, "article") and len(days) == 1:
                st = replace(st, date=next(iter(days)), date_basis="earlier")
            out[k] = st
    # a statement with no speaker is the actor's: it takes the day and the medium all of the
    # actor's statements that name one agree on ("Ghana has revoked ..., the country said" /
    # "... told AFP on Monday")
    by_actor: dict[str, set[date]] = {}
    media: dict[str, set[str]] = {}
    for st in out:
        if st.kind != "summary" and st.date_basis == "text" and st.date is not None:
            by_actor.setdefault(st.actor, set()).add(st.date)
        if st.kind != "summary" and st.channel:
            media.setdefault(st.actor, set()).add(st.channel)
    for k, st in enumerate(out):
        if st.kind == "summary" or st.speaker:
            continue
        agreed = by_actor.get(st.actor, set())
        if st.date_basis in (None, "article") and len(agreed) == 1:
            st = replace(st, date=next(iter(agreed)), date_basis="earlier")
        named = media.get(st.actor, set())
        if st.channel is None and len(named) == 1:
            st = replace(st, channel=next(iter(named)))
        out[k] = st
    return share_within_day(out)


#: Channels of events that several speakers attend, whose day's other statements were made there.
_SHARED_EVENTS = frozenset({"speech", "press_conference", "briefing"})


def share_within_day(statements: list[Statement]) -> list[Statement]:
    """Fill a missing channel from the day's event: what all the day's other statements agree on.

    An article about one meeting names it once ("at Friday's Security Council meeting") and
    then reports speaker after speaker from it; a statement made that day with no medium of
    its own was made there, when every statement of that day that names a medium names the
    same one (and at least two do). Only events that many attend are shared: an interview,
    a written statement or a post is one speaker's own.
    """
    by_day: dict[date, list[str]] = {}
    for st in statements:
        channel = st.channel
        if st.date is not None and st.date_basis in ("text", "earlier") and channel in _SHARED_EVENTS:
            by_day.setdefault(st.date, []).append(channel)
    out = list(statements)
    for k, st in enumerate(out):
        if st.channel is not None or st.date is None or st.date_basis not in ("text", "earlier"):
            continue
        named = by_day.get(st.date, [])
        if len(named) >= 2 and len(set(named)) == 1:
            out[k] = replace(st, channel=named[0])
    return out
