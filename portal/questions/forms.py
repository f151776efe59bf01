from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.questions.models import QuestionState
from portal.text import line_filter, text_filter

STATE_LABELS = {
    QuestionState.open: _l("Wacht op antwoord"),
    QuestionState.answered: _l("Beantwoord"),
    QuestionState.closed: _l("Gesloten"),
}


class AskForm(FlaskForm):
    subject = StringField(_l("Onderwerp"), filters=[line_filter],
                          validators=[DataRequired(_l("Schrijf waar uw vraag over gaat.")),
                                      Length(max=200)],
                          description=_l("Bijvoorbeeld: TWV aanvragen voor een nieuwe medewerker"))
    vacancy = SelectField(_l("Over welke vacature?"), validators=[Optional()], choices=[],
                          validate_choice=False)
    body = TextAreaField(_l("Uw vraag"), filters=[text_filter],
                         validators=[DataRequired(_l("Schrijf uw vraag.")), Length(max=5000)],
                         description=_l("Zet geen gegevens van bewoners in uw vraag die de adviseur niet nodig heeft."))

    def set_vacancies(self, vacancies) -> None:
        self.vacancy.choices = [SelectChoice("", _l("Geen bepaalde vacature"))] + [
            SelectChoice(str(v.id), v.title) for v in vacancies
        ]

    def vacancy_id(self) -> int | None:
        raw = self.vacancy.data or ""
        return int(raw) if raw.isdigit() else None

    def validate_vacancy(self, field):
        allowed = {choice.value for choice in field.choices}
        if (field.data or "") not in allowed:
            raise ValidationError(_l("Kies een vacature uit de lijst."))


class ReplyForm(FlaskForm):
    body = TextAreaField(_l("Uw bericht"), filters=[text_filter],
                         validators=[DataRequired(_l("Schrijf uw bericht.")), Length(max=5000)])


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Uw antwoord"), filters=[text_filter],
                         validators=[DataRequired(_l("Schrijf uw antwoord.")), Length(max=5000)])


class ConfirmForm(FlaskForm):
    """A button-only POST: the CSRF token is the only field."""


class FaqForm(FlaskForm):
    title = StringField(_l("Titel van de veelgestelde vraag"), filters=[line_filter],
                        validators=[DataRequired(_l("Geef de veelgestelde vraag een titel.")),
                                    Length(max=200)])
    question_text = TextAreaField(
        _l("Vraag"), filters=[text_filter],
        validators=[DataRequired(_l("Schrijf de vraag.")), Length(max=5000)],
        description=_l("Schrijf de vraag algemeen: haal namen van mensen en bedrijven en andere persoonsgegevens weg."),
    )
    answer_text = TextAreaField(
        _l("Antwoord"), filters=[text_filter],
        validators=[DataRequired(_l("Schrijf het antwoord.")), Length(max=5000)],
        description=_l("De redactie controleert de tekst en vult de bronnen aan voordat het een pagina wordt."),
    )
