"""Files the plugins accept and serve.

- :mod:`.formats`: what a file really is (told by its bytes), size limits, its text;
- :mod:`.scanning`: the optional virus scan every upload goes through;
- :mod:`.uploads`: the Wagtail document form that applies both to every upload;
- :mod:`.access`: who may download a document — the public only what a live, public page
  shows; staff what their agency keeps;
- :mod:`.private`: the storage of the e-office's files, which has no public URL.
"""

from plugins.core.files.formats import (  # noqa: F401 - the package's public interface
    FORMATS,
    TEXT_DOCUMENTS,
    Format,
    check_file,
    detect,
    extension,
    extract_text,
    file_format,
)
