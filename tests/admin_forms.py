"""Fill in a Wagtail admin form as a browser would: every field with the value shown."""

from bs4 import BeautifulSoup


def form_data(html, form_selector="form[method=post]"):
    """The fields of the page's form (the first matching ``form_selector``) and their
    values: text, hidden and checked inputs, text areas, selected options."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}

    def add(name, value):
        data.setdefault(name, []).append(value)

    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        kind = field.get("type", "text").lower()
        if field.name == "textarea":
            add(name, field.text)
        elif field.name == "select":
            for option in field.find_all("option", selected=True):
                add(name, option.get("value", option.text))
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                add(name, field.get("value", "on"))
        elif kind not in ("submit", "button", "file", "image", "reset"):
            add(name, field.get("value", ""))
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}
