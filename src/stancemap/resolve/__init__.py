"""Resolving speakers to actors: the gazetteer of states, organizations, seats and officials.

Nothing is loaded on import; :func:`load_gazetteer` reads the packaged data on first use.
"""

from __future__ import annotations

from .gazetteer import ActorRef, Gazetteer, Mention, load_gazetteer

__all__ = ["ActorRef", "Gazetteer", "Mention", "load_gazetteer"]
