"""The HTTP API: JSON routes that are the twins of the web pages, and the writes.

``routes`` answers the reads from the query layer (``stancemap.query``), ``writes``
ingests articles and edits issues behind the bearer token of ``settings.api_token``,
``gate`` and ``errors`` guard and answer every request. ``stancemap.app`` builds
the app from them and the pages; this package never imports ``stancemap.web``.
"""
