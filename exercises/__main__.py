"""``python -m exercises``: the course's command line (see :mod:`exercises.cli`)."""

import sys

from .cli import main

sys.exit(main())
