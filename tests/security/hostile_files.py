"""Hostile files built in memory: a ZIP bomb, a ZIP whose directory lies about the sizes,
a ZIP of many members, archives nested deep, JSON nested deep."""

import io
import struct
import zipfile


def zip_of(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def bomb(megabytes=20, name="sheet.xml"):
    """A few kilobytes that inflate to ``megabytes`` MB of zeros (the ratio is ~1000)."""
    return zip_of({name: b"\0" * (megabytes * 2**20)})


def lying_zip(real=b"A" * 200_000, declared=10, name="Mau A.I.1.docx"):
    """A ZIP whose local header and central directory say a member is ``declared`` bytes
    when it inflates to ``len(real)``."""
    data = bytearray(zip_of({name: real}))
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, declared)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


def many_members(count=3000):
    return zip_of({f"f{i}.txt": b"x" for i in range(count)}, zipfile.ZIP_STORED)


def nested(depth):
    content = b"innermost"
    for level in range(depth):
        content = zip_of({f"level{level}.zip": content})
    return content


def deep_json(depth=100_000):
    return b"[" * depth + b"]" * depth
