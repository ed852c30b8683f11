"""Vietnamese catalogues for the Wagtail apps: check them, and build the .mo files.

    python scripts/i18n_wagtail.py check [part.po ...]   # coverage and placeholders
    python scripts/i18n_wagtail.py build                 # merge po/ sources, write .mo

Sources live in plugins/core/wagtail_vi/po/<domain>/*.po (split so they can be reviewed
per Wagtail app); the build merges each domain into
plugins/core/wagtail_vi/locale/vi/LC_MESSAGES/<domain>.po and compiles the .mo.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

from scripts import wagtail_catalogue as catalogue  # noqa: E402


def main(argv):
    command = argv[1] if len(argv) > 1 else "check"
    if command == "build":
        for domain, path in catalogue.build().items():
            print(f"{domain}: {path}")
        return 0
    if command == "check":
        parts = [Path(p) for p in argv[2:]]
        problems = catalogue.check(parts or None)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
