#!/usr/bin/env python
"""Django's command-line utility for the reference site."""

import os
import sys
from pathlib import Path


def main():
    # The reference site's Python app lives in site/ ("site" itself cannot be a
    # package: Python's own `site` module shadows it), so put that folder on the path.
    root = Path(__file__).resolve().parent
    sys.path.insert(0, str(root / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
