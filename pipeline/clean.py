"""Clean raw article text for analysis while keeping a map back to raw offsets.

The analysis runs on a cleaned text (boilerplate lines out, odd whitespace folded,
glued words repaired, paragraphs separated by a blank line); every span found in it
is reported in raw-text offsets through :class:`OffsetMap`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

#: Separator written between paragraphs of the cleaned text.
PARAGRAPH_BREAK = "\n\n"
#: Horizontal whitespace folded to one plain space (tab, no-break and typographic spaces).
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: Invisible characters dropped (zero-width spaces and joiners, BOM, soft hyphen).
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
#: Characters that end a paragraph, so that a following lowercase line is not a wrap.
_TERMINAL = ".!?:;…»\"”)]"


@dataclass(frozen=True)
class GlueRule:
    """A place inside a word where a space was lost: insert one at the match end."""

    name: str
    pattern: re.Pattern[str]


#: Glued-word repairs. Each inserts one space at the end of its match.
GLUE_RULES: tuple[GlueRule, ...] = (
    # "parRadio", "deParis": a lowercase function word glued to a capitalised word.
    GlueRule(
        "function_word",
        re.compile(
            r"(?<![\w'’-])(?:par|de|du|des|le|la|les|en|et|à|au|aux|sur|sous|pour|avec"
            r"|dans|chez|un|une|contre|selon|vers|entre)(?=[A-ZÀ-Ý][a-zà-ÿ])"
        ),
    ),
    # "(RTS)a souligné": a closing bracket glued to the next word.
    GlueRule("closing_bracket", re.compile(r"[)\]](?=[A-Za-zÀ-ÿ])")),
    # "Interface.Le Kremlin": sentence punctuation glued to a capitalised word.
    GlueRule("sentence_punctuation", re.compile(r"(?<=[a-zà-ÿ]{2})[.!?;,](?=[A-ZÀ-Ý][a-zà-ÿ])")),
    # "la hiérarchie:«Le tireur", "un bilan:\"76 personnes": a colon glued to the opening
    # quotation mark (the tokenizer would keep the three as one word).
    GlueRule("colon_before_quote", re.compile(r"(?<=\w):(?=[«“\"]\w)")),
)
#: Tokens in which glue repairs must not apply (URLs, e-mail addresses, handles).
_NO_REPAIR = re.compile(r"\S*(?:://|www\.|@)\S*")


class OffsetMap:
    """Map offsets of a cleaned text back to the raw text it was made from.

    Stored as runs ``(clean_start, raw_start)``: inside a run, offsets advance together.
    Characters inserted by cleaning map to the raw offset of the next raw character.
    """

    __slots__ = ("_clean", "_raw", "raw_length")

    def __init__(self, clean_starts: Sequence[int], raw_starts: Sequence[int], raw_length: int):
        self._clean = list(clean_starts)
        self._raw = list(raw_starts)
        self.raw_length = raw_length

    @classmethod
    def from_positions(cls, positions: Sequence[int], raw_length: int) -> OffsetMap:
        """Compress the raw offset of every cleaned character into runs."""
        clean_starts: list[int] = []
        raw_starts: list[int] = []
        previous = None
        for i, raw in enumerate(positions):
            if previous is None or raw != previous + 1:
                clean_starts.append(i)
                raw_starts.append(raw)
            previous = raw
        return cls(clean_starts, raw_starts, raw_length)

    def raw_offset(self, clean_offset: int) -> int:
        """Raw offset of the cleaned character at ``clean_offset``."""
        run = bisect.bisect_right(self._clean, clean_offset) - 1
        if run < 0:
            return 0
        return self._raw[run] + clean_offset - self._clean[run]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the cleaned span ``[start, end)``, end exclusive."""
        if end <= start:
            raw = self.raw_offset(start)
            return raw, raw
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def clean_offset(self, raw_offset: int) -> int:
        """Cleaned offset of the raw character at ``raw_offset`` (or of the next kept one)."""
        run = bisect.bisect_right(self._raw, raw_offset) - 1
        if run < 0:
            return 0
        next_start = self._clean[run + 1] if run + 1 < len(self._clean) else 1 << 62
        length = next_start - self._clean[run]
        return self._clean[run] + min(raw_offset - self._raw[run], max(length - 1, 0))

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Cleaned ``(start, end)`` of the raw span ``[start, end)``."""
        if end <= start:
            offset = self.clean_offset(start)
            return offset, offset
        return self.clean_offset(start), self.clean_offset(end - 1) + 1

    def to_list(self) -> list[int]:
        """Flat list for serialisation (``Doc.user_data`` goes through msgpack)."""
        pairs = zip(self._clean, self._raw, strict=True)
        return [self.raw_length, *[value for pair in pairs for value in pair]]

    @classmethod
    def from_list(cls, values: Sequence[int]) -> OffsetMap:
        """Inverse of :meth:`to_list`."""
        return cls(values[1::2], values[2::2], values[0])


@dataclass(frozen=True)
class Line:
    """One raw line: its span (without the line break) and what cleaning made of it."""

    start: int
    end: int
    kind: str  # content | blank | boilerplate
    reason: str = ""


@dataclass(frozen=True)
class CleanText:
    """The cleaned text of an article and everything needed to map it back."""

    text: str
    offsets: OffsetMap
    paragraphs: tuple[tuple[int, int], ...]  # cleaned (start, end) of each paragraph
    lines: tuple[Line, ...]
    title: str  # the headline line when the text opens with one, else ""

    @property
    def boilerplate(self) -> tuple[Line, ...]:
        """Raw lines left out of the analysis as boilerplate."""
        return tuple(line for line in self.lines if line.kind == "boilerplate")


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Load the boilerplate line patterns from ``rules/fr/clean_boilerplate.tsv``."""
    text = resources.files("pipeline").joinpath("rules/fr/clean_boilerplate.tsv").read_text(
        encoding="utf-8"
    )
    rules = []
    for row in text.splitlines():
        if row.strip() and not row.startswith("#"):
            reason, pattern = row.split("\t", 1)
            rules.append((reason, re.compile(pattern)))
    return tuple(rules)


def boilerplate_reason(line: str) -> str:
    """Why a line is boilerplate ("" when it is article text).

    Examples: "094643347aa0f5ae11f15bc21d7dda00" (hash_id), "Comment (0)"
    (comment_widget), "Source : https://…" (source_url), "Par Jeanne Martin" (byline),
    "Lire aussi : …" (teaser).
    """
    folded = _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
    for reason, pattern in boilerplate_rules():
        if pattern.match(folded):
            return reason
    return ""


def split_lines(raw: str) -> list[Line]:
    """Split raw text into lines classified as content, blank or boilerplate."""
    lines = []
    for match in _LINE.finditer(raw):
        if match.start() == len(raw) and match.end() == match.start():
            break
        body = match.group().rstrip("\r\n")
        start, end = match.start(), match.start() + len(body)
        if not _SPACES.sub("", _INVISIBLE.sub("", body)).strip():
            lines.append(Line(start, end, "blank"))
        elif reason := boilerplate_reason(body):
            lines.append(Line(start, end, "boilerplate", reason))
        else:
            lines.append(Line(start, end, "content"))
    return lines


def _clean_line(raw: str, start: int, end: int) -> tuple[str, list[int]]:
    """Fold whitespace, drop invisible characters and repair glued words in one line."""
    chars: list[str] = []
    positions: list[int] = []
    for i in range(start, end):
        char = raw[i]
        if _INVISIBLE.match(char):
            continue
        if _SPACES.match(char):
            if not chars or chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        positions.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    text = "".join(chars)
    inserts = sorted({m.end() for rule in GLUE_RULES for m in rule.pattern.finditer(text)})
    protected = [(m.start(), m.end()) for m in _NO_REPAIR.finditer(text)]
    inserts = [i for i in inserts if not any(s < i < e for s, e in protected)]
    for i in reversed(inserts):
        chars.insert(i, " ")
        positions.insert(i, positions[i])
    return "".join(chars), positions


def _mark_trailing_teasers(lines: list[Line], raw: str) -> list[Line]:
    """Mark a short line without end punctuation that closes the article as a teaser.

    Article bodies end on a full sentence; a final "La Grande Interview : X" or
    "Notre dossier spécial élections" is a link to another article. A line that gives a
    day of a month ("Date : 22 août au 25 août", "Jusqu'au 3 mars") is the article's
    practical information, not a link.
    """
    content = [i for i, line in enumerate(lines) if line.kind == "content"]
    if len(content) < 3:
        return lines
    last = lines[content[-1]]
    body = _SPACES.sub(" ", raw[last.start : last.end]).strip()
    if (body[-1] not in _TERMINAL + "!?" and len(body.split()) <= 12
            and not _DAY_OF_MONTH.search(body)):
        lines[content[-1]] = Line(last.start, last.end, "boilerplate", "teaser")
    return lines


def _is_wrapped(previous: str, line: str) -> bool:
    """A hard-wrapped line continues the previous one (no end mark, lowercase start)."""
    return bool(previous) and previous[-1] not in _TERMINAL and line[:1].islower()


def _reads_as_headline(line: str, has_more: bool) -> bool:
    """The first line is a headline: short, no sentence-final full stop, text follows."""
    return has_more and len(line) <= 250 and len(line.split()) >= 2 and line[-1] not in ".,;:"


def clean_text(raw: str) -> CleanText:
    """Build the cleaned text of an article.

    Args:
        raw (str): the article as decoded.

    Returns:
        CleanText: cleaned text, offset map, paragraph spans, classified lines, title.

    Notes:
        A paragraph is a non-blank raw line, or several when a line was hard-wrapped
        (it does not end a sentence and the next one starts in lowercase). Paragraphs
        are joined with a blank line so that no sentence can cross one.
    """
    lines = _mark_trailing_teasers(split_lines(raw), raw)
    chars: list[str] = []
    positions: list[int] = []
    paragraphs: list[list[int]] = []
    previous = ""
    for line in lines:
        if line.kind != "content":
            previous = ""
            continue
        text, line_positions = _clean_line(raw, line.start, line.end)
        if not text:
            continue
        if paragraphs and _is_wrapped(previous, text) and paragraphs[-1][1] == len(chars):
            chars.append(" ")
            positions.append(line_positions[0])
        else:
            if paragraphs:
                chars.extend(PARAGRAPH_BREAK)
                positions.extend([line_positions[0]] * len(PARAGRAPH_BREAK))
            paragraphs.append([len(chars), len(chars)])
        chars.extend(text)
        positions.extend(line_positions)
        paragraphs[-1][1] = len(chars)
        previous = text
    text = "".join(chars)
    first = text[paragraphs[0][0] : paragraphs[0][1]] if paragraphs else ""
    title = first if first and _reads_as_headline(first, len(paragraphs) > 1) else ""
    return CleanText(
        text=text,
        offsets=OffsetMap.from_positions(positions, len(raw)),
        paragraphs=tuple((s, e) for s, e in paragraphs),
        lines=tuple(lines),
        title=title,
    )


_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_STATED_DATE = re.compile(
    r"(?i)\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>" + "|".join(_MONTHS)
    + r")\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"
)
_DAY_OF_MONTH = re.compile(r"(?i)\b[0-3]?\d(?:er)?\s+(?:" + "|".join(_MONTHS) + r")\b"
                           r"|\b[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d\b")
_DATE_LINE = re.compile(r"(?i)^\W*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\W+)?"
                        r"(?:le\s+)?$")


def stated_publication_date(raw: str, lines: Sequence[Line]) -> date | None:
    """The date an article states for itself, if any.

    Only two places count, so that no date of an event is taken for the article's:
    a publication stamp line ("Publié le 12 mars 2024 à 10h05", "Mis à jour le
    12/03/2024") and a line that holds nothing but a date ("Mardi 12 mars 2024").
    """
    for line in lines:
        body = raw[line.start : line.end].strip()
        match = _STATED_DATE.search(body)
        if not match:
            continue
        is_stamp = line.kind == "boilerplate" and line.reason == "publication_stamp"
        rest = (body[: match.start()] + body[match.end() :]).strip()
        is_date_line = bool(_DATE_LINE.match(body[: match.start()])) and len(rest) <= 20 and (
            not re.search(r"[a-zà-ÿ]{4,}", body[match.end() :])
        )
        if not (is_stamp or is_date_line):
            continue
        try:
            if match.group("month"):
                return date(int(match.group("year")), _MONTHS[match.group("month").lower()],
                            int(match.group("day")))
            if match.group("y"):
                return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            return date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        except ValueError:
            continue
    return None
