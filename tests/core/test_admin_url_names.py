"""Every admin screen is reached by its own address: no plugin's URL pattern shadows
another's (the notification centre's ``thong-bao/<pk>/`` once hid the announcements')."""

from django.urls import get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch

# A sample value per path converter; the rest take "7".
SAMPLES = {"StringConverter": "sample", "SlugConverter": "sample", "PathConverter": "a/b",
           "UUIDConverter": "12345678-1234-5678-1234-567812345678"}


def _names(resolver, prefix=""):
    for key in resolver.reverse_dict:
        if isinstance(key, str):
            yield prefix + key
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        yield from _names(sub, f"{prefix}{namespace}:")


def _sample_kwargs(name):
    resolver = get_resolver()
    *namespaces, view = name.split(":")
    for namespace in namespaces:
        resolver = resolver.namespace_dict[namespace][1]
    possibilities, _pattern, _defaults, converters = resolver.reverse_dict.getlist(view)[0]
    return {param: SAMPLES.get(type(converters.get(param)).__name__, "7")
            for param in possibilities[0][1]}


def test_every_admin_url_resolves_to_its_own_view():
    shadowed = []
    for name in sorted(set(_names(get_resolver()))):
        try:
            url = reverse(name, kwargs=_sample_kwargs(name))
        except NoReverseMatch:
            continue
        if url.startswith("/admin/") and (answered := resolve(url).view_name) != name:
            shadowed.append(f"{url}: {name} is answered by {answered}")
    assert not shadowed, "\n".join(shadowed)
