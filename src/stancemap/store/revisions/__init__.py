"""stancemap's schema revisions, run by Alembic (see ``store.migrations``).

``env.py`` is Alembic's environment; ``versions/`` holds one frozen revision per
schema change, each with its DDL written out, never importing the live schema.
"""
