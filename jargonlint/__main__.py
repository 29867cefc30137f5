"""``python -m jargonlint``."""

import sys

from jargonlint.cli import main

sys.exit(main())
