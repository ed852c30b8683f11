"""Plugin boundaries (docs/architecture.md "Plugin boundaries"): a plugin imports Django,
Wagtail, its own modules and ``plugins.core`` — never another plugin; inside the e-office
family an app may also import ``plugins.eoffice.documents``. Read from the source, so it
holds for every plugin whatever a settings variant installs (CI runs some plugins side by
side in one solo variant: this is what keeps them independent)."""

import ast
from pathlib import Path

import plugins

ROOT = Path(plugins.__file__).parent
SHARED = ("plugins.core",)
EOFFICE_SHARED = ("plugins.eoffice.documents",)


def _plugin_of(module):
    """``plugins.eoffice.tasks.models`` → ``plugins.eoffice.tasks``; ``plugins.events.x`` →
    ``plugins.events``."""
    parts = module.split(".")
    return ".".join(parts[:3] if parts[1] == "eoffice" and len(parts) > 2 else parts[:2])


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_plugin_imports_another():
    """R-SITE-8 (each plugin installs and runs alone): no import crosses a boundary."""
    crossings = []
    for path in sorted(ROOT.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
        owner = _plugin_of(module)
        if owner in ("plugins.core", "plugins.__init__", "plugins"):
            continue
        allowed = SHARED + ((owner, *EOFFICE_SHARED) if owner.startswith("plugins.eoffice")
                            else (owner,))
        for name in _imports(path):
            if name.startswith("plugins.") and not name.startswith(allowed):
                crossings.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    assert not crossings, "\n".join(crossings)
