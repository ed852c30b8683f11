"""What an agency holds, row by row, to prove that a refused request changed nothing."""

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from plugins.core.scoping import AgencyQuerySet


def _rows(queryset):
    return list(queryset.order_by("pk").values())


def _scoped_models():
    for model in apps.get_models():
        if isinstance(model._default_manager.all(), AgencyQuerySet):
            yield model


def snapshot(ns):
    """Every row of agency ``ns``: its scoped records, pages, revisions, files, people."""
    from wagtail.contrib.redirects.models import Redirect

    rows = {}
    for model in _scoped_models():
        rows[model._meta.label] = _rows(model._default_manager.for_agency(ns.agency))
    pages = Page.objects.descendant_of(ns.home, inclusive=True)
    rows["pages"] = _rows(pages)
    for name, page in ns.pages.items():
        specific = type(page)._default_manager.filter(pk=page.pk)
        rows[f"page:{name}"] = _rows(specific)
    rows["revisions"] = list(Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
    ).order_by("pk").values_list("pk", "approved_go_live_at"))
    collection = ns.objects["wagtailcore.Collection"]
    rows["documents"] = _rows(get_document_model().objects.filter(collection=collection))
    rows["images"] = _rows(get_image_model().objects.filter(collection=collection))
    rows["collections"] = _rows(Collection.objects.filter(pk=collection.pk))
    users = get_user_model().objects.filter(pk__in=[u.pk for u in ns.people.values()])
    rows["users"] = _rows(users)
    rows["memberships"] = _rows(get_user_model().groups.through.objects.filter(user__in=users))
    from plugins.core.models import Notification

    rows["notifications"] = _rows(Notification.objects.filter(user__in=users))
    rows["site"] = _rows(Site.objects.filter(pk=ns.site.pk))
    rows["redirects"] = _rows(Redirect.objects.filter(site=ns.site))
    rows["settings"] = [
        _rows(model.objects.filter(site=ns.site))
        for model in _site_settings()
    ]
    return rows


def _site_settings():
    from wagtail.contrib.settings.registry import registry

    return list(registry)


def differences(before, after):
    return sorted(key for key in before.keys() | after.keys()
                  if before.get(key) != after.get(key))
