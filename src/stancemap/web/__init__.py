"""The web pages: HTML over the query layer, with a JSON twin for each (``stancemap.api``).

``pages`` and ``feeds`` render the models ``stancemap.query`` returns through the
Jinja templates (``templating``), with the article's highlights (``highlight``) and
the world map (``worldmap``); the package also holds the static files, templates
and code tables. ``stancemap.app`` mounts these pages beside the API and
``stancemap serve`` runs them; this package never imports ``stancemap.api``.
"""
