"""The extractor's records: the public Quote and the internal mentions, reports and frames."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("name", "pronoun", "description", "coordination")


@dataclass(frozen=True)
class Quote:
    """One reported speech act.

    Offsets are Python string indices into ``doc.text``, end exclusive.

    Attributes:
        start: Start of the content (after the opening mark and its spaces for a direct
            quotation; the first word of the reported clause for indirect and mixed ones).
        end: End of the content (before the closing mark; without the final full stop).
        text: ``doc.text[start:end]``.
        kind: ``direct``, ``indirect`` or ``mixed``.
        cue: Lemma of the speech verb ("déclarer", "faire savoir") or the marker as written
            in the lexicon ("selon", "d'après", "pour"); "" when the frame has none.
        speaker_start: Start of the speaker mention in the frame, or None.
        speaker_end: End of the speaker mention, or None.
        speaker_text: The mention: a name ("Claire Martin"), a pronoun ("il" of
            "a-t-il déclaré") or a description ("le porte-parole de l'Élysée"); None if none.
        speaker_kind: ``name``, ``pronoun``, ``description``, ``coordination`` (several
            speakers of one speech act: "X et son adjoint, Y, ont nié …") or None.
        speaker_description: For a description speaker, the description normalised for a
            corpus-wide lookup (lowercase, no leading determiner: "porte-parole de l'élysée").
        antecedent_start: Start of the ``doc.ents`` mention the speaker resolves to in this
            document (the name itself, the antecedent of a pronoun, the entity carrying the
            description; for a frameless quotation right after a framed one, that one's
            entity), or None when it cannot be known.
        antecedent_end: End of that entity mention, or None.
        antecedent_text: Text of that entity mention, or None.
        members: For a ``coordination``, the ``(start, end)`` of each named speaker's
            entity mention, in text order (the antecedent is then None: no single entity
            said it).
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker_kind: str | None = None
    speaker_description: str | None = None
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    antecedent_text: str | None = None
    members: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class EntityDescription:
    """A role or title written next to an entity mention ("le président chilien X").

    Attributes:
        ent_start: Start of the entity mention (a ``doc.ents`` span).
        ent_end: End of the entity mention.
        ent_text: Text of the entity mention.
        label: Entity label (PER, ORG…).
        description: The description, normalised like ``Quote.speaker_description``.
        start: Start of the description in the text.
        end: End of the description in the text.
    """

    ent_start: int
    ent_end: int
    ent_text: str
    label: str
    description: str
    start: int
    end: int




@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str
    head: int
    ent: Span | None = None
    gender: str = "-"
    number: str = "-"
    coordination: bool = False
    members: tuple[Span, ...] = ()


@dataclass
class Report:
    start: int
    end: int
    kind: str
    cue: str
    cue_tok: int | None
    speaker: Mention | None
    position: str  # pre | post | direct
    quote: int | None = None  # index of the quoted span of a direct record
    source: Report | None = None  # the framed quotation a frameless one continues


@dataclass(frozen=True)
class Frame:
    cue: str
    cue_tok: int | None
    speaker: Mention | None
    end: int  # first token after the frame


def report_extent(doc: Doc, r: Report) -> int:
    """Where a report ends in the text, its frame included (the speaker, the cue)."""
    ends = [r.end] + ([r.speaker.end] if r.speaker is not None else [])
    if r.cue_tok is not None:
        ends.append(doc[r.cue_tok].idx + len(doc[r.cue_tok].text))
    return max(ends)
