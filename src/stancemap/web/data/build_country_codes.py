"""How ``country_codes.tsv`` was made. Not run at install or at run time: the TSV is committed.

The codes come from the npm package ``world-countries`` 5.1.0 (ODbL-1.0), installed in
a scratch folder only for this script::

    mkdir /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
    python src/stancemap/web/data/build_country_codes.py \
        /tmp/wc/node_modules/world-countries/countries.json > src/stancemap/web/data/country_codes.tsv

Columns: ``alpha3 alpha2 map_key name``. ``map_key`` is how the map's geometry
(``world-atlas`` countries-110m.json) names the country: its ISO 3166-1 numeric id,
or ``name:<name>`` for the few shapes the atlas ships without an id. The spec's codes
for entities without an ISO code (XKX, XNC, ...) are added by hand below; those the
atlas does not draw separately get an empty ``map_key``.
"""

from __future__ import annotations

import json
import sys

# The spec's codes for entities without an ISO alpha-3 (shared/spec/statements.md §2).
# alpha2: the user-assigned code in common use (Kosovo's XK has a flag); map_key: the atlas shape.
SPECIAL = [
    ("XKX", "XK", "name:Kosovo", "Kosovo"),
    ("XNC", "", "name:N. Cyprus", "Northern Cyprus"),
    ("XNK", "", "", "Nagorno-Karabakh"),
    ("XAB", "", "", "Abkhazia"),
    ("XSO", "", "", "South Ossetia"),
    ("XTR", "", "", "Transnistria"),
]


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        countries = json.load(fh)
    rows = []
    for c in countries:
        if c["cca3"] == "UNK":  # world-countries' own code for Kosovo; the spec says XKX
            continue
        rows.append((c["cca3"], c["cca2"], c.get("ccn3") or "", c["name"]["common"]))
    rows.extend(SPECIAL)
    out = sys.stdout
    out.write("alpha3\talpha2\tmap_key\tname\n")
    for alpha3, alpha2, key, name in sorted(rows):
        out.write(f"{alpha3}\t{alpha2}\t{key}\t{name}\n")


if __name__ == "__main__":
    main(sys.argv[1])
