import gc
import os
import sys
from pathlib import Path

from django.core.wsgi import get_wsgi_application

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the plugins' modules and models) lives as long as
# the process: the garbage collector's full passes need not walk it again and again (one
# took ~170 ms in a gunicorn worker serving the library, ~17 ms after this).
gc.freeze()
