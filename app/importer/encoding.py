"""Guessing a text file's encoding the way Russian files need it (reliability.md §5.1)."""

from __future__ import annotations

import codecs

__all__ = ["CYRILLIC_CODEPAGES", "detect_encoding"]

#: Restricting the detector to these matters: unrestricted, KOI8-R comes out as Hebrew cp1255
#: and cp866 as cp1125.
CYRILLIC_CODEPAGES = ["cp1251", "koi8_r", "cp866", "mac_cyrillic"]

SAMPLE_BYTES = 256 * 1024


def detect_encoding(sample: bytes) -> str:
    """The codec to read a file starting with `sample`: BOM, then strict UTF-8, then Cyrillic."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        # Not final: the sample may end in the middle of a multi-byte character.
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SAMPLE_BYTES], cp_isolation=CYRILLIC_CODEPAGES).best()
    return best.encoding if best is not None else "cp1251"
