"""How ``markers.tsv`` was made. Not run at install or at run time: the TSV is committed.

Small states (Singapore, Bahrain, Malta, Hong Kong...) have no shape in the 1:110m
world atlas the map draws, or one too small to see or to point at, so the map shows
them as a dot. This script lists them with a point to draw the dot at, from the npm
package ``world-countries`` 5.1.0 (ODbL-1.0; its ``latlng`` is the country's
conventional centre) and the vendored atlas::

    mkdir /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
    python src/stancemap/web/data/build_markers.py /tmp/wc/node_modules/world-countries/countries.json \
        src/stancemap/web/static/vendor/world-atlas/countries-110m.json > src/stancemap/web/data/markers.tsv

Columns: ``alpha3 lon lat``. A state is listed when the atlas has no shape for it or
when its area is under ``SMALL_KM2``.
"""

from __future__ import annotations

import json
import sys

#: Below this area (km²) a shape at 1:110m is a few pixels wide at most: draw a dot too.
SMALL_KM2 = 5000


def main(countries_path: str, atlas_path: str) -> None:
    with open(countries_path, encoding="utf-8") as fh:
        countries = json.load(fh)
    with open(atlas_path, encoding="utf-8") as fh:
        atlas = json.load(fh)
    drawn = {g.get("id") for g in atlas["objects"]["countries"]["geometries"]}
    rows = []
    for c in countries:
        code, numeric = c["cca3"], c.get("ccn3") or ""
        if code == "UNK" or not c.get("latlng"):
            continue
        if numeric in drawn and (c.get("area") or 0) >= SMALL_KM2:
            continue
        lat, lon = c["latlng"]
        rows.append((code, f"{lon:g}", f"{lat:g}"))
    print("alpha3\tlon\tlat")
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
