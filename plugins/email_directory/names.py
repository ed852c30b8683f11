"""Vietnamese full names split the way address books want them."""

from plugins.core.text import nfc


def split_name(full_name):
    """``(family, middle names, given)``: "Đặng Xuân Phong" → ("Đặng", "Xuân", "Phong").

    The family name comes first and the given name last, as Vietnamese names are written;
    a single word is a given name alone.
    """
    words = nfc(" ".join(str(full_name or "").split())).split(" ")
    words = [word for word in words if word]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def surname_and_given(full_name):
    """``(family and middle names, given name)``, as core stores a staff account's name
    (``plugins.core.accounts.split_full_name``): "Đặng Xuân Phong" → ("Đặng Xuân", "Phong")."""
    family, middle, given = split_name(full_name)
    return " ".join(part for part in (family, middle) if part), given
