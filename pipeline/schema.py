"""The output tables: one definition that the writer, the loader and ``datapackage.json`` use.

Every column of ``../shared/CONTRACT.md`` is here (the contract is a public interface:
add columns, never rename or drop one). Types are Frictionless Table Schema types.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    """One column: name, Frictionless type and a one-line meaning."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table point to ``reference_fields`` of ``reference_table``."""

    fields: str
    reference_table: str
    reference_fields: str


@dataclass(frozen=True)
class Table:
    """One output table."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str
    sort_by: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        """File name in the output folder."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        """Column names in file order."""
        return [column.name for column in self.columns]


_DOC = Column("doc_id", "string", "Article id: the input file stem.", required=True)
_SENT = Column("sentence_id", "string", "Sentence the row is in: `{doc_id}:s{n}`.")
_START = Column("start", "integer", "Start offset in the raw file text (Python str index).")
_END = Column("end", "integer", "End offset in the raw file text, exclusive.")
_TEXT = Column("text", "string", "The raw text between start and end.")
_TO_DOC = ForeignKey("doc_id", "documents", "doc_id")
_TO_SENT = ForeignKey("sentence_id", "sentences", "sentence_id")

DOCUMENTS = Table(
    "documents",
    "One row per input file, including files that failed.",
    (
        _DOC,
        Column("source_path", "string", "Path of the input file."),
        Column("title", "string", "Title from metadata, else the headline line of the text."),
        Column("published", "date", "Publication date (YYYY-MM-DD), empty when unknown."),
        Column("published_source", "string", "Where the publication date comes from.",
               ("metadata", "inferred", "unknown")),
        Column("n_chars", "integer", "Characters in the raw decoded text."),
        Column("n_sentences", "integer", "Sentences analysed."),
        Column("n_tokens", "integer", "Tokens analysed (whitespace tokens excluded)."),
        Column("status", "string", "ok, empty (no text) or error (see error).",
               ("ok", "empty", "error"), required=True),
        Column("error", "string", "Why the file failed, for a person; empty when ok."),
        Column("encoding", "string", "Encoding the file was decoded with (detected)."),
        Column("source_url", "string", "Source URL from metadata."),
        Column("n_boilerplate_lines", "integer", "Raw lines left out as boilerplate."),
        Column("boilerplate", "string", "Reasons of the boilerplate lines, `|`-joined."),
    ),
    primary_key="doc_id",
    sort_by=("doc_id",),
)

SENTENCES = Table(
    "sentences",
    "One row per sentence of the analysed text.",
    (
        _DOC,
        Column("sentence_id", "string", "`{doc_id}:s{n}`, n from 0 in text order.", required=True),
        Column("paragraph", "integer", "Paragraph number, 0-based."),
        _START,
        _END,
        _TEXT,
        Column("is_title", "boolean", "The sentence is the article's headline line."),
    ),
    primary_key="sentence_id",
    sort_by=("doc_id", "start"),
    foreign_keys=(_TO_DOC,),
)

TOKENS = Table(
    "tokens",
    "One row per token (whitespace tokens left out).",
    (
        _DOC,
        _SENT,
        Column("token_id", "string", "`{doc_id}:t{n}`, n = token index in the analysed doc.",
               required=True),
        _START,
        _END,
        _TEXT,
        Column("lemma", "string", "Lemma."),
        Column("pos", "string", "Universal part of speech."),
        Column("morph", "string", "Universal morphological features."),
        Column("dep", "string", "Universal dependency relation to the head."),
        Column("head_token_id", "string", "token_id of the syntactic head (itself for a root)."),
    ),
    primary_key="token_id",
    sort_by=("doc_id", "start"),
    foreign_keys=(_TO_DOC, _TO_SENT),
)

MENTIONS = Table(
    "mentions",
    "One row per named-entity mention.",
    (
        Column("mention_id", "string", "`{doc_id}:{start}-{end}`.", required=True),
        _DOC,
        _SENT,
        _START,
        _END,
        _TEXT,
        Column("label", "string", "Entity type.", ("PER", "ORG", "LOC", "MISC")),
        Column("entity_id", "string", "Real-world entity the mention resolves to."),
    ),
    primary_key="mention_id",
    sort_by=("doc_id", "start"),
    foreign_keys=(_TO_DOC, _TO_SENT, ForeignKey("entity_id", "entities", "entity_id")),
)

ENTITIES = Table(
    "entities",
    "One row per real-world entity across the whole corpus.",
    (
        Column("entity_id", "string", "Stable id derived from the entity.", required=True),
        Column("name", "string", "Canonical surface form."),
        Column("label", "string", "Entity type.", ("PER", "ORG", "LOC", "MISC")),
        Column("aliases", "string", "All surface forms, `|`-joined."),
        Column("n_mentions", "integer", "Mentions in the corpus."),
        Column("n_documents", "integer", "Documents that mention it."),
        Column("descriptions", "string", "Roles and titles seen in the text, `|`-joined."),
    ),
    primary_key="entity_id",
    sort_by=("entity_id",),
)

QUOTES = Table(
    "quotes",
    "One row per quotation (direct, indirect or mixed).",
    (
        Column("quote_id", "string", "`{doc_id}:q{start}-{end}`, plus `@{speaker_start}` "
               "when two frames report one span.", required=True),
        _DOC,
        _SENT,
        Column("start", "integer", "Start of the quoted content (marks excluded), raw offset."),
        Column("end", "integer", "End of the quoted content, raw offset, exclusive."),
        _TEXT,
        Column("kind", "string", "direct, indirect or mixed.", ("direct", "indirect", "mixed")),
        Column("cue", "string", "Lemma of the speech verb or marker (déclarer, selon…)."),
        Column("speaker_text", "string", "The mention that designates the speaker."),
        Column("speaker_start", "integer", "Raw start of the speaker mention."),
        Column("speaker_end", "integer", "Raw end of the speaker mention, exclusive."),
        Column("speaker_entity_id", "string", "Entity of the speaker, empty if unresolved."),
        Column("speaker_name", "string", "Canonical name of the speaker entity."),
        Column("duplicate_of", "string", "quote_id of the first occurrence in the corpus."),
        Column("speaker_kind", "string", "name, pronoun, description, or coordination "
               "(several speakers: \"X et Y ont nié …\").",
               ("name", "pronoun", "description", "coordination")),
        Column("speaker_entity_ids", "string", "Every speaker entity, `|`-joined: the "
               "speaker's, or each coordinated speaker's (then `speaker_entity_id` is empty)."),
        Column("speaker_names", "string", "Canonical names of `speaker_entity_ids`, "
               "`|`-joined in the same order."),
    ),
    primary_key="quote_id",
    sort_by=("doc_id", "start"),
    foreign_keys=(
        _TO_DOC,
        _TO_SENT,
        ForeignKey("speaker_entity_id", "entities", "entity_id"),
        ForeignKey("duplicate_of", "quotes", "quote_id"),
    ),
)

DATES = Table(
    "dates",
    "One row per temporal expression, normalised to TimeML TIMEX3.",
    (
        Column("date_id", "string", "`{doc_id}:d{start}-{end}`.", required=True),
        _DOC,
        _SENT,
        _START,
        _END,
        _TEXT,
        Column("type", "string", "TIMEX3 type.", ("DATE", "TIME", "DURATION", "SET")),
        Column("value", "string", "TIMEX3 value (2025-11-02, 2025-W44, P1W, PAST_REF…)."),
        Column("anchor", "string", "What a relative value was resolved against: dct or a date_id."),
        Column("resolved", "boolean", "False when a relative value could not be resolved."),
    ),
    primary_key="date_id",
    sort_by=("doc_id", "start"),
    foreign_keys=(_TO_DOC, _TO_SENT),
)

RELATIONS = Table(
    "relations",
    "One row per relation: said, mentions, role and verb relations between entities.",
    (
        Column("relation_id", "string", "Stable id derived from the relation.", required=True),
        _DOC,
        _SENT,
        Column("subject_id", "string", "entity_id or quote_id of the subject."),
        Column("predicate", "string", "said, mentions, role, or a verb lemma."),
        Column("object_id", "string", "quote_id, entity_id, or the description text (role)."),
        Column("evidence_start", "integer", "Raw start of the evidence span."),
        Column("evidence_end", "integer", "Raw end of the evidence span, exclusive."),
        Column("date_value", "string", "TIMEX3 value of the date the relation is anchored to."),
        Column("date_scope", "string", "Where that date was found: clause or sentence.",
               ("clause", "sentence")),
        Column("date_id", "string", "date_id of that date."),
        Column("preposition", "string", "Preposition of a prepositional object (avec, à…)."),
        Column("negated", "boolean", "The verb is negated."),
        Column("passive", "boolean", "The relation was read from a passive."),
        Column("symmetric", "boolean", "Joint subjects acting together (no direction)."),
        Column("subject_type", "string", "entity or quote.", ("entity", "quote")),
        Column("object_type", "string", "entity, quote or text.", ("entity", "quote", "text")),
    ),
    primary_key="relation_id",
    sort_by=("doc_id", "evidence_start", "relation_id"),
    foreign_keys=(_TO_DOC, _TO_SENT),
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (DOCUMENTS, SENTENCES, TOKENS, MENTIONS, ENTITIES, QUOTES, DATES, RELATIONS)
}
