"""The job in the resident's language: a phrasebook of what entry-level vacancies say
(translated into all seven resident languages in its own catalogue), the phrases a vacancy
is built from, and a vacancy's title and summary per language, typed by the employer or
adviser or made by the machine-translation provider in the background.

Sits just above vacancies (it reads vacancies, posters and the resident pages read it);
vacancies reach it only through their signals (publish check, copy)."""
