"""Headline attributions: ``Armenian premier on the vote: elections were fair``.

Headlines and section leads often attribute with a colon instead of a verb: a
short noun phrase naming the speaker, a colon, and what was said. The phrase
before the colon must hold no verb (``X said:`` is a quotation lead, handled with
quotations) and the text after it must be a clause of a few words.

Headlines in Title Case (``Ministry Condemns So-Called Vote``) defeat the tagger,
which reads every capitalized word as a proper noun; for those the cue is found
by its word form (``condemns``, ``to recognise``) in the lexicon instead.

Transcripts label their turns the same way: a ``Question:`` line is the
interviewer's and gives no statement; an ``Answer:`` line continues the speaker the
article introduced (``follows``), like a quotation with no verb of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from .lexicon import Lexicon, load_function_words
from .records import Attribution

__all__ = ["headline_attributions"]

MAX_SOURCE_TOKENS = 7
MIN_CONTENT_TOKENS = 4
#: Labels of a question-and-answer transcript ("Question: ... Answer: ...").


def _cue_form(word: str, lex: Lexicon) -> bool:
    """True when ``word`` is an inflected form of a cue verb (condemns, denied, recognises)."""
    w = word.lower()
    stems = {
        w,
        w[:-1],
        w[:-2],
        w[:-1] + "e" if w.endswith("d") else w,
        w[:-3] + "y" if w.endswith("ies") else w,
    }
    if w.endswith("ied"):
        stems.add(w[:-3] + "y")
    return any(lex.cue_class(x) in ("speech", "position") for x in stems if x)


def _names(tok: Any) -> bool:
    """Whether a token can name a speaker: a proper noun, a named entity, or a capitalized word.

    The tagger often reads a country opening a headline ("Chile: ...") as a common noun;
    a capitalized label ("Update: ...") that names no one is dropped when speakers are resolved.
    """
    return bool(
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or (tok.is_alpha and tok.text[:1].isupper())
    )


def _title_case(words: list[str]) -> bool:
    lettered = [w for w in words if w[:1].isalpha()]
    return len(lettered) >= 3 and sum(w[:1].isupper() for w in lettered) >= 0.7 * len(lettered)


def _lines(doc: Doc) -> list[list[Any]]:
    """The tokens of each line of ``doc`` (a line ends at a token holding a line break)."""
    lines: list[list[Any]] = [[]]
    for tok in doc:
        lines[-1].append(tok)
        if "\n" in tok.text or "\n" in tok.whitespace_:
            lines.append([])
    return [line for line in lines if line]


def title_case_headlines(doc: Doc, lex: Lexicon, in_quote: Callable[[int], Any]) -> list[Attribution]:
    """``Georgian MFA Condemns Runoff in Occupied Region``: source, cue by word form, content."""
    found = []
    for line in _lines(doc):
        # a headline is one line: the parser, misled by the capitals, may cut it in two
        toks = [t for t in line if not t.is_space]
        if not toks or len(toks) > 20 or toks[-1].text in ".!?" or not _title_case([t.text for t in toks]):
            continue
        for k, tok in enumerate(toks[1:-1], start=1):
            if in_quote(tok.idx) is not None or not _cue_form(tok.text, lex):
                continue
            before = toks[: k - 1] if toks[k - 1].lower_ == "to" else toks[:k]
            colons = [j for j, t in enumerate(before) if t.text == ":"]
            if colons:
                before = before[colons[-1] + 1 :]  # "The Latest: Trump Urges ...": the label is no speaker
            after = toks[k + 1 :]
            if not before or len(after) < 2:
                break
            source = (before[0].idx, before[-1].idx + len(before[-1].text))
            found.append(
                Attribution(
                    kind="indirect",
                    content=(after[0].idx, after[-1].idx + len(after[-1].text)),
                    cue=(tok.idx, tok.idx + len(tok.text)),
                    source=source,
                    context=(toks[0].idx, toks[-1].idx + len(toks[-1].text)),
                    head=(before[-1].idx, before[-1].idx + len(before[-1].text)),
                    extra={"headline": "1"},
                )
            )
            break
    return found


def headline_attributions(doc: Doc, lex: Lexicon, in_quote: Callable[[int], Any]) -> list[Attribution]:
    """An attribution for each sentence of the form ``SPEAKER: content``, and Title Case headlines."""
    found = title_case_headlines(doc, lex, in_quote)
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        colon = next((t for t in sent if t.text == ":"), None)
        if colon is None or in_quote(colon.idx) is not None:
            continue
        # the speaker phrase starts its line: a header line above is not part of it
        line_start = doc.text.rfind("\n", sent.start_char, colon.idx) + 1
        before = [t for t in sent if t.i < colon.i and not t.is_space and t.idx >= line_start]
        # "X on the vote: ..." names the topic after the speaker
        topic = next(
            (
                j
                for j, t in enumerate(before)
                if j and t.pos_ == "ADP" and t.lower_ in load_function_words().headline_topic
            ),
            None,
        )
        if topic is not None:
            before = before[:topic]
        rest = list(sent)
        if (
            colon.i == sent[-1].i
            and k + 1 < len(sents)
            and "\n" not in doc.text[colon.idx : sents[k + 1].start_char]
        ):
            rest = list(sents[k + 1])  # the parser ended the sentence at the colon: the line goes on
        after = [t for t in rest if t.i > colon.i and not t.is_space and not t.is_punct]
        label = " ".join(t.lower_ for t in before).rstrip(".")
        if label in load_function_words().question_labels:
            continue  # the interviewer's question in a transcript
        if label in load_function_words().answer_labels and after:
            # the interviewee's answer: it continues the speaker the article has introduced
            end = doc.text.find("\n", colon.idx)
            end = len(doc.text) if end < 0 else end
            found.append(
                Attribution(kind="direct", content=(after[0].idx, end), follows=True, extra={"answer": "1"})
            )
            continue
        if not before or len(before) > MAX_SOURCE_TOKENS or len(after) < MIN_CONTENT_TOKENS:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(_names(t) for t in before):
            continue
        if any(t.like_num for t in before):
            continue  # a dateline ("London May 22 2024: ..."), not a speaker
        if any(in_quote(t.idx) is not None for t in before):
            continue
        last = [t for t in rest if t.i > colon.i and not t.is_space][-1]
        source = (before[0].idx, before[-1].idx + len(before[-1].text))
        persons = tuple(
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ == "PERSON" and source[0] <= e.start_char and e.end_char <= source[1]
        )
        found.append(
            Attribution(
                kind="indirect",
                content=(after[0].idx, last.idx + len(last.text)),
                cue=(colon.idx, colon.idx + 1),
                source=source,
                persons=persons,
                context=(before[0].idx, last.idx + len(last.text)),
                head=(before[0].idx, before[0].idx + len(before[0].text)),
                extra={"headline": "1"},
            )
        )
    return found
