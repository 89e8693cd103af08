"""`python -m thoughtwork` does what the `thoughtwork` command does."""

import sys

from thoughtwork.cli.main import main

sys.exit(main())
