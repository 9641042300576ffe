"""``python -m quotes`` runs the CLI."""

import sys

from quotes.cli import main

sys.exit(main())
