"""Fixed multilingual texts printed on posters.

Order = order on the poster. Languages: nl, en, ar, ti, fa, tr, so (the resident
languages of the portal). The "scan to apply" lines come from the product brief;
texts marked REVIEW were written for the poster and should be checked by a native
speaker (e.g. via COA interpreters) before the first print run.
"""

from __future__ import annotations

SCAN_TO_APPLY: tuple[tuple[str, str], ...] = (
    ("nl", "Scan en solliciteer"),
    ("en", "Scan to apply"),
    ("ar", "امسح الرمز للتقديم"),
    ("ti", "ንምምልካት ስካን ግበሩ"),
    ("fa", "برای درخواست اسکن کنید"),
    ("tr", "Başvurmak için tarayın"),
    ("so", "Iskaan garee si aad u codsato"),
)

# Report poster: "Doubts about a job offer? Scan and report it."  REVIEW (ar, ti, fa, tr, so)
# Dutch and English carry only the second half: the poster headline asks the question.
SCAN_TO_REPORT: tuple[tuple[str, str], ...] = (
    ("nl", "Scan en meld het"),
    ("en", "Scan and report it"),
    ("ar", "هل تشك في عرض عمل؟ امسح الرمز وأبلغ عنه."),
    ("ti", "ብዛዕባ ስራሕ ጥርጣረ ኣለኩም ዶ? ስካን ጌርኩም ሓብሩ።"),
    ("fa", "به یک پیشنهاد کار شک دارید؟ اسکن کنید و گزارش دهید."),
    ("tr", "Bir iş teklifinden şüpheniz mi var? Tarayın ve bildirin."),
    ("so", "Shaqo ma ka shakisan tahay? Iskaan garee oo ka warbixi."),
)

# Warning signs on the report poster (Dutch, English); matches the report form.
REPORT_SIGNALS: tuple[tuple[str, str], ...] = (
    ("Geen contract", "No contract"),
    ("Minder dan het minimumloon", "Below minimum wage"),
    ("Onbetaald proefwerken", "Unpaid trial work"),
    ("Contant betaald", "Paid in cash"),
    ("Papieren afgepakt", "Documents taken away"),
    ("Te veel uren", "Too many hours"),
    ("Wonen alleen als je daar werkt", "Housing tied to the job"),
    ("Onder druk gezet", "Put under pressure"),
)

NL_EN = {
    "vacancy_band": ("Vacature", "Job"),
    "board_band": ("Vacatures", "Jobs"),
    "report_band": ("Meldpunt", "Report"),
    "board_title": ("Alle vacatures op dit azc", "All jobs at this azc"),
    "report_title": ("Twijfel over een baan?", "Doubts about a job offer?"),
    "report_lead": (
        "Meld het. Je naam geven hoeft niet.",
        "Report it. You do not have to give your name.",
    ),
    "footer": ("Twijfel over een baan? Meld het:", "Doubts about a job? Report it:"),
    "tour": ("Rondleiding vooraf mogelijk", ""),
    "safety": ("Veiligheidsfunctie (bijv. VCA)", ""),
    "code": ("Code", "Code"),
}
