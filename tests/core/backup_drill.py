"""A restore drill, run by tests/core/test_backup_restore.py in a process of its own whose
settings point to a file database and a media folder of the test's (R-EO-19, R-SEC-3).

It makes pages and a document with a file, backs up, changes and deletes things, restores,
and prints as JSON what it finds afterwards; the test asserts on that.
"""

import json
import os
import sys

import django


def _state():
    from django.conf import settings
    from wagtail.documents.models import Document
    from wagtail.models import Page

    media = os.path.realpath(settings.MEDIA_ROOT)
    files = sorted(
        os.path.relpath(os.path.join(folder, name), media)
        for folder, _subfolders, names in os.walk(media) for name in names
    )
    document = Document.objects.filter(title="Quy chế tiếp công dân").first()
    return {
        "pages": sorted(Page.objects.filter(depth__gt=1).values_list("title", flat=True)),
        "documents": sorted(Document.objects.values_list("title", flat=True)),
        "document_bytes": document.file.read().decode() if document else None,
        "files": files,
        "search": sorted(page.title for page in Page.objects.search("tiếp công dân")),
    }


def main():
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from wagtail.documents.models import Document
    from wagtail.models import Page

    from plugins.core.backups import service

    quiet = {"stdout": open(os.devnull, "w")}  # noqa: SIM115 - lives as long as the drill
    home = Page.get_first_root_node().get_children().first()
    kept = home.add_child(instance=Page(title="Lịch tiếp công dân tháng Mười Hai",
                                        slug="lich-tiep-cong-dan"))
    home.add_child(instance=Page(title="Giới thiệu cơ quan", slug="gioi-thieu"))
    document = Document.objects.create(
        title="Quy chế tiếp công dân",
        file=ContentFile(b"%PDF-1.4 quy che tiep cong dan", name="quy-che.pdf"))
    call_command("update_index", **quiet)
    before = _state()

    call_command("portal_backup", **quiet)
    archive = service.archives_in()[-1]

    # What happens after the backup: a page deleted, another renamed, the document and its
    # file gone, a new page and a new file.
    kept.delete()
    renamed = Page.objects.get(slug="gioi-thieu")
    renamed.title = "Giới thiệu (đã sửa)"
    renamed.save()
    stored = document.file.name
    document.delete()
    document.file.storage.delete(stored)
    home.add_child(instance=Page(title="Trang tạo sau khi sao lưu", slug="trang-moi"))
    document.file.storage.save("documents/tao-sau.pdf", ContentFile(b"%PDF-1.4 new"))
    call_command("update_index", **quiet)
    changed = _state()

    call_command("portal_restore", str(archive), yes=True, **quiet)
    after = _state()
    json.dump({"before": before, "changed": changed, "after": after}, sys.stdout,
              ensure_ascii=False)


if __name__ == "__main__":
    main()
