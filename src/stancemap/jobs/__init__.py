"""The orchestration layer: the stages run over many articles, and the store kept up to date.

``corpus`` runs the pipeline over files in this process (read, find boilerplate,
extract, store); ``cluster`` does the same on a Dask cluster; ``consolidate`` turns
stored claims into positions and timelines and keeps the positions table fresh.
Importing this package loads none of them (``corpus`` and ``cluster`` load spaCy).
"""
