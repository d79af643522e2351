"""Invented news pages for the web archive and feed tests (Ruritania, Borduria and friends).

Each page is a different article: its sentences name a different minister and
place, so that no two pages hash alike and each yields statements.
"""

from __future__ import annotations

COUNTRIES = ["Ruritania", "Borduria", "Syldavia", "Freedonia", "Latveria", "Genovia", "Elbonia"]
NAMES = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas"]


def article_paragraphs(k: int) -> list[str]:
    """Three paragraphs of invented news, different for every ``k``."""
    a, b = COUNTRIES[k % len(COUNTRIES)], COUNTRIES[(k + 3) % len(COUNTRIES)]
    name = f"{NAMES[k % len(NAMES)]} Kovar{k}"
    return [
        f"{a} does not recognize the referendum held in the northern province of {b}, "
        f"its foreign minister {name} said on Tuesday in a statement numbered {k}.",
        f"\u201cThe vote has no legal effect and we will never accept it,\u201d {name} told "
        f"reporters in the capital, adding that talks with {b} must resume within days.",
        f"Officials in {b} have yet to respond to the statement, which came after week {k} "
        "of rising tension along the disputed border between the two states.",
    ]


def article_html(k: int, *, date: str | None = "2025-05-04", url: str | None = None) -> str:
    """A whole news page (navigation, article, footer) for article ``k``."""
    meta = f'<meta property="article:published_time" content="{date}T10:00:00Z">' if date else ""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    paras = "".join(f"<p>{p}</p>" for p in article_paragraphs(k))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Referendum rejected {k} - Example News</title>"
        f'<meta name="author" content="Jane Roe">{meta}{canonical}'
        '</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Referendum rejected {k}</h1>{paras}</article>"
        "<footer>Copyright Example News.</footer></body></html>"
    )
