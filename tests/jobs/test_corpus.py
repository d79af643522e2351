"""Batching never changes what is found: syndicated stories keep their statements in any split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.config import Settings
from stancemap.extract.boilerplate import BoilerplateIndex
from stancemap.jobs.corpus import ingest_paths
from stancemap.models import Article
from stancemap.store import Store

BLOCK = (
    "Ruritania and Borduria have disputed the Klopstokian valley since a short war two decades ago, "
    "and Borduria has said it will never give up its claim to the valley."
)
STORY = [
    "The foreign minister of Ruritania said on Monday that the ceasefire in the valley must hold.",
    "Borduria's defence ministry said its troops would stay in their positions until the talks resume.",
    '"We will not be the first to fire," the Ruritanian army spokesman told reporters in the capital.',
    "Syldavia said it supported the ceasefire and called on both sides to return to the table.",
]


def _own(k: int) -> str:
    return (
        f"Officials in Ruritania said on Tuesday that convoy number {k} had crossed the border, "
        f"and Borduria said convoy {k} carried only food."
    )


def _records() -> list[dict[str, str]]:
    """Four stories of one outlet with its background block, and one story syndicated six times."""
    out = []
    for k in range(4):
        text = f"{_own(k)}\n\n{BLOCK}\n\nThe talks on convoy {k} are due to resume next week, diplomats said."
        out.append({"id": f"own-{k}", "url": f"https://ruritania-news.example/{k}", "text": text})
    for k in range(6):
        # the same story, copied by three outlets, one of them running it with a small edit
        outlet = ["ruritania-news.example", "wire.example", "borduria-post.example"][k % 3]
        story = list(STORY)
        if k == 4:
            story[3] = story[3].replace("supported", "backed")
        body = "\n\n".join(story)
        out.append(
            {"id": f"wire-{k}", "url": f"https://{outlet}/story-{k}", "text": f"{outlet}, copy {k}\n\n{body}"}
        )
    return out


def _statements(db: str) -> set[tuple[str, str, str]]:
    with Store.open(db) as store:
        return {
            (s.article, s.row["actor_code"], s.row["evidence_text"]) for s in store.statements(limit=10_000)
        }


def test_near_copies_of_a_story_are_syndication_not_background() -> None:
    arts = [
        Article(name=r["id"], text=r["text"], source=r["url"], outlet=r["url"].split("/")[2])
        for r in _records()
    ]
    index = BoilerplateIndex(2)
    for a in arts:
        index.add(a)
    for a in arts[4:]:
        assert index.spans(a) == [], f"{a.name}: a copy of a story lost its paragraphs"
    for a in arts[:4]:
        assert [a.text[s:e] for s, e in index.spans(a)] == [BLOCK], f"{a.name}: the outlet's block"


def test_the_lead_of_a_story_is_never_background() -> None:
    lead = _own(99)
    arts = [
        Article(
            name=f"a{k}",
            text=f"{lead}\n{_own(k)} (more {k})\n{STORY[k % 4]} {k}",
            source="x",
            outlet="o.example",
        )
        for k in range(3)
    ]
    index = BoilerplateIndex(2)
    for a in arts:
        index.add(a)
    assert all(index.spans(a) == [] for a in arts)


@pytest.mark.e2e
def test_one_run_or_several_store_the_same_statements(tmp_path: Path) -> None:
    records = _records()
    whole = tmp_path / "whole.jsonl"
    whole.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    # two runs, each with two of the outlet's own stories and three copies of the syndicated one
    parts = [
        [records[0], records[1], records[4], records[5], records[6]],
        [records[2], records[3], records[7], records[8], records[9]],
    ]
    settings = Settings()
    one = f"sqlite:///{tmp_path / 'one.sqlite'}"
    with Store.open(one) as store:
        ingest_paths([whole], settings, store)
    several = f"sqlite:///{tmp_path / 'several.sqlite'}"
    for n, part in enumerate(parts):
        path = tmp_path / f"part-{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        with Store.open(several) as store:
            ingest_paths([path], settings, store)
    found = _statements(one)
    assert found == _statements(several)
    by_article = {a for a, _, _ in found}
    assert {f"wire-{k}" for k in range(6)} <= by_article, "every copy of the story keeps its statements"
    assert not any(BLOCK[:40] in ev for _, _, ev in found if "never give up" in ev), "the block is background"
