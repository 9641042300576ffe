"""``python -m quotes`` runs the CLI."""

import sys

from quotes.app.cli import main

sys.exit(main())
