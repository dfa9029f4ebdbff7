"""The limits and switches of reading and cleaning, in one frozen settings object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadSettings:
    """How much a reader may take in and what the cleaner accepts as an article.

    Size caps bound memory, not only time: a single file (or what a gzip expands to) is read
    in a streaming way and given up at `max_file_bytes`, so a gzip bomb costs at most the cap.
    In containers (JSON Lines, WARC) the cap applies to each line or record, not to the whole
    file, since those files legitimately hold millions of articles.

    `max_text_chars`: a cleaned text longer than this is cut at the last paragraph break before
    the limit (a hard cut when there is none). The cut is not an error: the article row says
    `truncated` = true and its `notes` give both lengths. Texts that long are almost always pages
    that glue many articles together.
    """

    max_file_bytes: int = 20 * 2**20
    max_html_bytes: int = 8 * 2**20
    max_text_chars: int = 500_000
    min_text_chars: int = 80
    require_indonesian: bool = True


# The defaults, shared: the settings object is frozen, so one instance serves every call.
DEFAULT_SETTINGS = ReadSettings()


def describe_bytes(n: int) -> str:
    """A cap as people say it: "20 MB", "512 KB", "900 bytes"."""
    if n >= 2**20 and n % 2**20 == 0:
        return f"{n // 2**20} MB"
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB"
    if n >= 2**10 and n % 2**10 == 0:
        return f"{n // 2**10} KB"
    return f"{n} bytes"
