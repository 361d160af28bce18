"""Quotation marks, paired on the characters (no parse needed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

CLOSER_OF = {"«": "»", "“": "”", "‹": "›"}
_OPENER_OF = {v: k for k, v in CLOSER_OF.items()}
_MARK_RE = re.compile(r'[«»“”‹›"\'‘’]')
#: A publisher, a studio or a year in brackets right after a quoted title.
CITATION_RE = re.compile(r"[ \u00a0\u202f]?\((?:[A-ZÀ-Ý][^()\n]{0,40}|\d{4})\)")
#: Single quotation marks: ' and ’ are apostrophes far more often ("l'État", "aujourd’hui").
_SINGLE_MARKS = frozenset("'‘’")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
MAX_UNCLOSED_CHARS = 2000
MIN_ORPHAN_WORDS = 5


@dataclass(frozen=True)
class QuotedSpan:
    """A top-level span between quotation marks.

    Attributes:
        open: Index of the opening mark.
        close: Index of the closing mark; None when the paragraph ends first (the span is
            then cut at the end of the paragraph, at most ``MAX_UNCLOSED_CHARS`` long).
        start: Start of the content, after the mark and any spaces.
        end: End of the content, before the mark and any spaces.
        paragraph: Index of the paragraph (line) that holds it.
        continues: True when it opens a paragraph that continues an unclosed quotation of
            the previous paragraph (French convention: each paragraph reopens with «).
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    continues: bool = False

    @property
    def outer_end(self) -> int:
        """End of the span including the closing mark."""
        return self.close + 1 if self.close is not None else self.end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _closing_position(text: str, pos: int, start: int, end: int) -> bool:
    """A mark glued to the word before it and followed by a space or punctuation."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)»”…-–—'\"")


def _reversed_closer(text: str, pos: int, end: int) -> bool:
    """An opening « (or ‹) that can only close: nothing but punctuation or the end of the
    paragraph after it ("« Rien n'est joué «, a-t-il dit").
    """
    j = pos + 1
    while j < end and text[j] in " \t\u00a0\u202f\u2009":
        j += 1
    return j >= end or text[j] in ",.;:!?)…"


_DOUBLED_SINGLE_RE = re.compile(r"(?<![‘’'])[‘’']{2}(?![‘’'])")


def _doubled_single_marks_as_double(text: str) -> str:
    """The text with each doubled single mark made one double mark, offsets unchanged.

    ‘’ … ’’ and '' … '' become a straight double mark and a space. Some agencies write
    quotation marks as two single ones ("‘’On ne peut rien faire’’, a déclaré X"). The
    double mark takes the side of the word it opens or closes, the
    space the other one; a doubled mark inside a word stays as it is.
    """
    if "‘’" not in text and "’’" not in text and "''" not in text and "‘‘" not in text:
        return text
    chars = list(text)
    for m in _DOUBLED_SINGLE_RE.finditer(text):
        s = m.start()
        before = text[s - 1] if s > 0 else " "
        after = text[s + 2] if s + 2 < len(text) else " "
        if (before.isspace() or before in "([—–-") and not after.isspace():
            chars[s], chars[s + 1] = " ", '"'  # opens: ‘’On → ␣"On
        elif (after.isspace() or after in ".,;:!?)]") and not before.isspace():
            chars[s], chars[s + 1] = '"', " "  # closes: avril’’, → avril"␣,
    return "".join(chars)


def _opening_marks_as_openers(text: str) -> str:
    """The text with a low „ and a ” in opening position made “, offsets unchanged.

    Some sites open with the low German mark („non“) or with the closing one (”non”): a
    „ always opens, a ” when it stands after a space or a bracket and before a word.
    """
    if "„" not in text and "”" not in text:
        return text
    chars = list(text)
    for i, c in enumerate(text):
        if c == "„" or (c == "”" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([")
                        and i + 1 < len(text) and text[i + 1].isalnum()):
            chars[i] = "“"
    return "".join(chars)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Pair quotation marks paragraph by paragraph and return the top-level spans.

    Handles « », “ ”, ‹ › and straight " (paired in order), doubled single marks (‘’ …
    ’’), the low „ and a ” in opening position (”non”) as openers, nested marks (only
    the outer span is returned), and spaces (including no-break and narrow no-break)
    inside the marks. Mismatched pairs found in the wild close the
    innermost open mark: « … ", " … », “ … “ (a “ glued to the word before it and
    followed by a space or punctuation closes). An unclosed mark is bounded by its
    paragraph, so it never swallows the rest of the article; when the next paragraph
    opens with « (or ») it is a continuation.

    Args:
        text: The document text.

    Returns:
        Spans in text order; empty ones ("« »") are left out.

    Example:
        >>> text = "Il a dit : « Oui. »"
        >>> [text[s.start:s.end] for s in find_quoted_spans(text)]
        ['Oui.']
    """
    original, text = text, _opening_marks_as_openers(_doubled_single_marks_as_double(text))
    spans: list[QuotedSpan] = []
    previous_unclosed = False
    for p, (ps, pe) in enumerate(paragraph_spans(text)):
        stack: list[tuple[str, int]] = []
        first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        opened_here: list[QuotedSpan] = []
        for m in _MARK_RE.finditer(text, ps, pe):
            c, pos = m.group(), m.start()
            closing = _closing_position(text, pos, ps, pe)
            if c in _SINGLE_MARKS:
                _single_mark(text, c, pos, ps, pe, stack, opened_here, p)
                continue
            if c == '"' and _apostrophe_typo(text, pos):
                continue
            if c in ("«", "‹") and stack and stack[-1][0] == c and _reversed_closer(text, pos, pe):
                c = CLOSER_OF[c]  # « … «, a-t-il dit: a typo for the closing mark
            elif c in ("«", "‹") or c == "“" and not (stack and closing):
                stack.append((c, pos))
                continue
            if c == '"' and not (stack and (stack[-1][0] == '"' or closing)):
                stack.append((c, pos))
                continue
            # a closer: its own opener, else the innermost one (« … " or “ … “ in the wild)
            opener = _OPENER_OF.get(c, c)
            idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if idx is None and stack:
                idx = len(stack) - 1
            if idx is None:
                # "» …" opening a paragraph also marks a continuation
                if c == "»" and pos == first and previous_unclosed:
                    stack.append(("«", pos))
                elif c in ("»", "”") and previous_unclosed and not opened_here:
                    # a continued paragraph that does not reopen: "« A.¶B », a-t-il dit"
                    # quotes B from the paragraph start up to its closing mark
                    opened_here.append(QuotedSpan(first, pos, *_content(original, first, pos),
                                                  p))
                continue
            if all(mark in _SINGLE_MARKS for mark, _ in stack[:idx]):  # top level
                o = stack[idx][1]
                opened_here.append(QuotedSpan(o, pos, *_content(original, o + 1, pos), p))
            del stack[idx:]
        unclosed = False
        stack = [(c, o) for c, o in stack if c not in _SINGLE_MARKS]  # never left open
        if stack:
            c, o = stack[0]
            if c != '"' or o == first:
                limit = min(pe, o + 1 + MAX_UNCLOSED_CHARS)
                if limit < pe:
                    cut = max(text.rfind(x, o + 1, limit) for x in ".!?")
                    limit = cut + 1 if cut > o else limit
                opened_here.append(QuotedSpan(o, None, *_content(original, o + 1, limit), p))
                unclosed = True
        for span in sorted(opened_here, key=lambda s: s.open):
            if span.end <= span.start:
                continue
            continues = previous_unclosed and span.open == first
            spans.append(span if not continues else QuotedSpan(
                span.open, span.close, span.start, span.end, span.paragraph, True))
        previous_unclosed = unclosed
    return spans


#: Elided words: a straight " between one of them and a letter is a mistyped apostrophe.
_ELIDED = frozenset({"qu", "l", "d", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu",
                     "puisqu", "quoiqu", "presqu"})


def _apostrophe_typo(text: str, pos: int) -> bool:
    """A straight " typed for an apostrophe: "je pense qu"il", "l"homme"."""
    if pos + 1 >= len(text) or not text[pos + 1].isalpha():
        return False
    k = pos
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return pos > k and text[k:pos].lower() in _ELIDED and (k == 0 or not text[k - 1].isalnum())


def _single_mark(text: str, c: str, pos: int, start: int, end: int,
                 stack: list[tuple[str, int]], spans: list[QuotedSpan], paragraph: int) -> None:
    """Pair single quotation marks ('…', ‘…’), used by some agencies and in Switzerland.

    A mark between two letters or digits is an apostrophe. ‘ always opens; ' opens after
    a space, a bracket or the paragraph start and before a word. ' or ’ closes only an
    open single mark, glued to the word before it and followed by a space or
    punctuation; an unmatched one is an apostrophe and never closes « or “.
    """
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return
    if c == "‘" or (c == "'" and (before.isspace() or before in "([:—–")
                    and not after.isspace()):
        stack.append(("'", pos))
        return
    if before.isspace() or not (after.isspace() or after in ".,;:!?)»”…-–—"):
        return
    idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == "'"), None)
    if idx is None:
        return
    if idx == 0:
        o = stack[0][1]
        spans.append(QuotedSpan(o, pos, *_content(text, o + 1, pos), paragraph))
    del stack[idx:]
