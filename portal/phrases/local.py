"""A vacancy as a resident reads it in one language: where each text comes from.

For the title, summary and description, in this order:
1. the employer's own text, when the page is in the language they wrote in;
2. the text given for this language (typed, or machine-made from the current Dutch text);
3. for the title only: the job from the phrasebook (`role`), translated by the catalogue;
4. an English text (typed, machine-made or the employer's own) with the line "This text is in
   English" in the reader's language;
5. the employer's own text with the line "This text is in Dutch" (or English).
Phrases come from the phrasebook catalogue; one it does not translate yet is shown in Dutch
under that same line. Pages get plain values: templates never query."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from portal import db
from portal.i18n import text_direction
from portal.phrases import catalogue
from portal.phrases.catalogue import label
from portal.phrases.icons import svg_symbol
from portal.phrases.models import Phrase, Section, TextOrigin, VacancyPhrase, VacancyText
from portal.phrases.services import source_hash
from portal.vacancies.models import Vacancy

FALLBACK = "en"
PHRASE_SECTIONS = (Section.task, Section.time, Section.work, Section.offer, Section.need)


@dataclass(frozen=True)
class LocalText:
    text: str
    lang: str  # the language the text is in
    machine: bool = False
    note: str | None = None  # "This text is in Dutch", in the reader's language

    @property
    def dir(self) -> str:
        return text_direction(self.lang)


@dataclass(frozen=True)
class PhraseLine:
    icon: str | None
    text: str
    lang: str


@dataclass(frozen=True)
class PhraseSection:
    key: str
    heading: str
    lines: list[PhraseLine]


@dataclass
class LocalVacancy:
    lang: str
    title: LocalText
    summary: LocalText | None
    description: LocalText | None
    sections: list[PhraseSection] = field(default_factory=list)
    untranslated: list[PhraseLine] = field(default_factory=list)
    untranslated_note: str = ""
    machine_note: str = ""

    @property
    def icons(self) -> list[str]:
        names = {line.icon for s in self.sections for line in s.lines}
        names |= {line.icon for line in self.untranslated}
        return sorted(n for n in names if n)

    @property
    def sprite(self) -> str:
        """The page's phrase pictograms as SVG symbols (only those it uses)."""
        return "".join(svg_symbol(name) for name in self.icons)

    @property
    def note(self) -> str | None:
        """"This text is in Dutch" for the title and summary, when they are not in the
        reader's language."""
        return (self.summary.note if self.summary else None) or self.title.note

    @property
    def has_machine_text(self) -> bool:
        return any(t is not None and t.machine for t in (self.title, self.summary,
                                                         self.description))


def phrase_text(phrase: Phrase, number: int | None, lang: str) -> tuple[str, str]:
    """(text, language it is in): the catalogue's translation, else the Dutch text."""
    found = catalogue.gettext(phrase.text, lang)
    text, in_lang = (found, lang) if found else (phrase.text, "nl")
    if phrase.has_number:
        text = text.replace("%(n)s", str(number if number is not None else ""))
    return text, in_lang


def _usable(row: VacancyText | None, current_hash: str) -> VacancyText | None:
    if row is None or row.origin == TextOrigin.waiting:
        return None
    if row.origin == TextOrigin.machine and row.source_hash != current_hash:
        return None  # made from an older Dutch text: a new one is on its way
    return row


def choose(own: str, source: str, lang: str, given: Callable[[str], LocalText | None],
           role: LocalText | None = None) -> LocalText | None:
    """One staff text (a title, a description) as a reader in `lang` gets it, whatever it
    belongs to: `own` is the text as written, in `source`; `given(code)` is the text given
    for a language (typed or machine-made, already checked to be current) or None. The order
    is the one in this module's docstring; the note says in the reader's language which
    language a text is in when it is not theirs."""
    own = own.strip()
    if lang == source:
        return LocalText(own, lang) if own else None
    found = given(lang)
    if found is not None:
        return found
    if role is not None:
        return role
    if not own:
        return None
    if lang != FALLBACK:
        if source == FALLBACK:
            return LocalText(own, FALLBACK, note=label("note.en", lang))
        english = given(FALLBACK)
        if english is not None:
            return replace(english, note=label("note.en", lang))
    return LocalText(own, source, note=label(f"note.{source}", lang))


def _pick(vacancy: Vacancy, name: str, lang: str, rows: dict[str, VacancyText],
          digest: str, role: LocalText | None = None) -> LocalText | None:
    def given(code: str) -> LocalText | None:
        row = _usable(rows.get(code), digest)
        if row is None or not getattr(row, name):
            return None
        return LocalText(getattr(row, name), code, row.origin == TextOrigin.machine)

    return choose(getattr(vacancy, name) or "", vacancy.text_language, lang, given, role)


def localize(vacancy: Vacancy, lang: str) -> LocalVacancy:
    return localize_all(vacancy, (lang,))[lang]


def localize_all(vacancy: Vacancy, langs: Sequence[str]) -> dict[str, LocalVacancy]:
    """The vacancy in several languages at once (a poster prints a line in each): two queries."""
    picked = list(db.session.scalars(
        select(VacancyPhrase).join(Phrase).where(VacancyPhrase.vacancy_id == vacancy.id)
        .order_by(Phrase.position, Phrase.id)))
    rows = {t.language: t for t in db.session.scalars(
        select(VacancyText).where(VacancyText.vacancy_id == vacancy.id,
                                  VacancyText.language.in_((*langs, FALLBACK))))}
    return {lang: _build(vacancy, lang, picked, rows) for lang in langs}


def _role(picked: Sequence[VacancyPhrase], lang: str) -> LocalText | None:
    for vp in picked:
        if vp.phrase.section == Section.role:
            text, in_lang = phrase_text(vp.phrase, vp.number, lang)
            if in_lang == lang:
                return LocalText(text, lang)
    return None


def _build(vacancy: Vacancy, lang: str, picked: Sequence[VacancyPhrase],
           rows: dict[str, VacancyText]) -> LocalVacancy:
    digest = source_hash(vacancy)
    title = _pick(vacancy, "title", lang, rows, digest, _role(picked, lang))
    local = LocalVacancy(
        lang=lang, title=title or LocalText(vacancy.title, vacancy.text_language),
        summary=_pick(vacancy, "summary", lang, rows, digest),
        description=_pick(vacancy, "description", lang, rows, digest),
        untranslated_note=label("note.nl", lang), machine_note=label("note.machine", lang))
    by_section: dict[Section, list[PhraseLine]] = defaultdict(list)
    for vp in picked:
        if vp.phrase.section == Section.role:
            continue
        text, in_lang = phrase_text(vp.phrase, vp.number, lang)
        line = PhraseLine(vp.phrase.icon, text, in_lang)
        (by_section[vp.phrase.section] if in_lang == lang else local.untranslated).append(line)
    local.sections = [PhraseSection(s.value, label(f"section.{s.value}", lang), by_section[s])
                      for s in PHRASE_SECTIONS if by_section[s]]
    return local


@dataclass(frozen=True)
class ListEntry:
    """One vacancy in a list (notice board, other jobs): its title and a short line."""

    title: LocalText
    teaser: LocalText | None


def list_entries(vacancies: Sequence[Vacancy], lang: str) -> dict[int, ListEntry]:
    """Titles and teasers of many vacancies at once (two queries, whatever the count)."""
    ids = [v.id for v in vacancies]
    if not ids:
        return {}
    picked: dict[int, list[VacancyPhrase]] = defaultdict(list)
    for vp in db.session.scalars(select(VacancyPhrase).join(Phrase).where(
            VacancyPhrase.vacancy_id.in_(ids)).order_by(Phrase.position, Phrase.id)):
        picked[vp.vacancy_id].append(vp)
    rows: dict[int, dict[str, VacancyText]] = defaultdict(dict)
    for row in db.session.scalars(select(VacancyText).where(
            VacancyText.vacancy_id.in_(ids), VacancyText.language.in_((lang, FALLBACK)))):
        rows[row.vacancy_id][row.language] = row
    out = {}
    for v in vacancies:
        digest = source_hash(v)
        title = (_pick(v, "title", lang, rows[v.id], digest, _role(picked[v.id], lang))
                 or LocalText(v.title, v.text_language))
        teaser = _pick(v, "summary", lang, rows[v.id], digest)
        found = [phrase_text(vp.phrase, vp.number, lang) for vp in picked[v.id]
                 if vp.phrase.section == Section.task]
        tasks = [t for t, in_lang in found if in_lang == lang]
        if tasks and (teaser is None or teaser.note):
            teaser = LocalText(" ".join(tasks[:2]), lang)  # in their language beats a Dutch text
        out[v.id] = ListEntry(title, teaser)
    return out
