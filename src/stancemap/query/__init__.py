"""The query layer: what each page shows, built once for both of its faces.

``views`` reads the store (and the positions ``jobs.consolidate`` keeps) into the
pydantic ``models`` that a JSON route (``api``) sends and a page (``web``) renders,
so ``/issues/x`` and ``/issues/x.json`` cannot disagree. ``params`` holds the
request parameters both faces take; ``countries`` and ``assets`` give the flag,
map shape and static URLs that both show. ``api`` and ``web`` each sit on this
layer and never import each other; ``stancemap.app`` puts them together.

The static files, templates and code tables that ``assets`` and ``countries`` read
are package data of ``stancemap.web`` (read as resources, never imported).
"""
