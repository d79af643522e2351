"""``python -m stancemap.cli``."""

import sys

from . import main

sys.exit(main())
