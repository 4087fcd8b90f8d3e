"""Interface strings of the generated parts, in each language (content lives in docs/)."""

from __future__ import annotations

import datetime as dt
from typing import Any

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        "purpose": "À quoi sert cette fiche",
        "when": "Quand l'utiliser",
        "steps": "Comment faire",
        "note": "À savoir\u00a0:",
        "not_a_test": "Cette fiche est une aide à la réflexion, pas un test ni un questionnaire "
                      "validé\u00a0: elle ne donne ni score ni diagnostic.",
        "fill": "À remplir",
        "date_format": "jj/mm/aaaa",
        "colon": "\u00a0:",
        # the legal notice and the privacy page's data controller (alliance.legal)
        "legal": {"publisher": "Éditeur", "director": "Direction de la publication",
                  "host": "Hébergement", "name": "Nom", "status": "Forme", "address": "Adresse",
                  "phone": "Téléphone", "email": "E-mail",
                  "director_text": "La personne responsable de ce qui est publié sur le site.",
                  "host_text": "L'entreprise ou l'organisme qui garde les fichiers du site sur "
                               "ses serveurs et les sert aux lecteurs.",
                  "controller_text": "Les témoignages envoyés par e-mail sont reçus et gardés "
                                     "par l'éditeur du site\u00a0:",
                  "placeholder": "À compléter avant la publication."},
        # the people of the about page (alliance.people)
        "people": {"role": "Rôle", "profession": "Profession ou qualification",
                   "placeholder": "À remplacer par une personne nommée avant la publication."},
        "list_sep": "\u00a0; ",
        "row": "ligne",
        "row_title": "Ligne",
        "privacy_title": "Ce que vous écrivez reste chez vous",
        "privacy_web": "Ce que vous tapez reste dans cette page et n'est envoyé nulle part. "
                       "Tout est effacé quand vous quittez la page, sauf si vous choisissez de "
                       "garder vos réponses sur cet appareil.",
        "privacy_pdf": "Ce que vous écrivez sur cette fiche est à vous. Vous choisissez ce que "
                       "vous en partagez, et avec qui.",
        "sheet": "Fiche d'exercice",
        "sources": "Sources",
        "qr_alt": "Code QR menant à la version en ligne\u00a0:",
        "online": "Version en ligne\u00a0:",
        "version": "Version du",
        "licence": "Licence CC BY-SA 4.0",
        "help_pdf": "Besoin d'aide maintenant\u00a0? Voir la page «\u00a0Besoin d'aide\u00a0» du site.",
        "written_by": "Rédaction",
        "reviewed_by": "Relecture",
        "last_reviewed": "Dernière relecture",
        "how_review": "Qui écrit, comment nous relisons",
        "testimony_licence": "Ce témoignage n'est pas sous la licence CC BY-SA du site\u00a0: "
                             "tous droits réservés. Ne le reproduisez pas ailleurs.",
        "testimony_withdraw": "Il peut être retiré à la demande des personnes qui l'ont confié.",
        "next_review": "Prochaine relecture prévue",
        "page_info": "Informations sur cette page",
        "help_line": "Si vous allez mal en ce moment\u00a0:",
        "help_link": "Besoin d'aide maintenant\u00a0?",
        "no_sources": "Cette page ne s'appuie pas sur une publication\u00a0: elle présente le site "
                      "lui-même ou renvoie aux pages qui citent leurs sources.",
        "download": "Télécharger",
        "pdf_a4": "PDF A4",
        "pdf_letter": "PDF US Letter",
        "page": "page",
        "pages": "pages",
        "fillable": "à remplir à l'écran",
        "keep": "Garder mes réponses sur cet appareil",
        "erase": "Effacer mes réponses…",
        "erase_question": "Effacer toutes les réponses de cette fiche\u00a0? Cela ne peut pas "
                          "être annulé.",
        "erase_yes": "Oui, tout effacer",
        "erase_no": "Non, garder mes réponses",
        "erased": "Vos réponses ont été effacées.",
        "print": "Imprimer mes réponses",
        "save_pdf": "Enregistrer en PDF rempli",
        "saving_pdf": "Préparation du PDF…",
        "saved_pdf": "Le PDF est dans vos téléchargements. Rien n'a été envoyé.",
        "pdf_failed": "Le PDF n'a pas pu être préparé. Vous pouvez imprimer vos réponses, "
                      "ou choisir «\u00a0Enregistrer au format PDF\u00a0» dans la fenêtre "
                      "d'impression.",
        "filled_on": "Rempli le",
        "no_answer": "(sans réponse)",
        "keep_help": "Rien n'est envoyé\u00a0: vos réponses restent dans ce navigateur, "
                     "jusqu'à ce que vous les effaciez.",
        "for": {"patients": "Pour les patients", "trainees": "Pour les personnes en formation",
                "therapists": "Pour les soignants"},
        # the sheets index, by the moment a sheet serves (sheets.model.MOMENTS)
        "moments": {"before-first-session": "Avant la première séance",
                    "between-sessions": "Entre les séances",
                    "not-working": "Quand ça ne marche pas",
                    "professionals": "Pour les pros, en soin ou en formation",
                    "forms": "À part\u00a0: le formulaire de consentement"},
        "forms_note": "Ce formulaire n'est pas une fiche d'exercice. Il sert à donner son accord "
                      "avant qu'un témoignage soit publié sur le site.",
        "patient_voice": "Patient",
        "therapist_voice": "Soignant",
        "testimonies_by_theme": "Par thème",
        "testimonies_all": "Tous les témoignages",
        "setting": "Cadre",
        "kind_paraphrase": "Paraphrase d'un témoignage publié",
        "kind_composite": "Témoignage composite, écrit pour le site",
        "kind_contributed": "Témoignage confié au site",
        # self-checks of the trainee path (alliance.self_check, assets/javascripts/self-check.js)
        "self_check": {
            "title": "Étape {number}\u00a0: vérifier vos acquis",
            "intro": "Quelques questions pour vérifier votre lecture. Vos réponses restent dans "
                     "cette page\u00a0: rien n'est enregistré ni envoyé.",
            "check": "Vérifier mes réponses",
            "reset": "Recommencer",
            "right": "Juste.",
            "wrong": "Pas tout à fait.",
            "missing": "Vous n'avez pas répondu à cette question.",
            "score": "{right} bonnes réponses sur {total}. Les explications sont sous chaque "
                     "question.",
            "score_one": "{right} bonne réponse sur {total}. Les explications sont sous chaque "
                         "question.",
            "zero_is_one": True,  # « 0 bonne réponse », singular in French
            "cleared": "Les réponses ont été effacées.",
            "answer": "La réponse",
        },
    },
    "en": {
        "purpose": "What this sheet is for",
        "when": "When to use it",
        "steps": "How to use it",
        "note": "Good to know:",
        "not_a_test": "This sheet is a reflection aid, not a test or a validated questionnaire: "
                      "it gives no score and no diagnosis.",
        "fill": "To fill in",
        "date_format": "dd/mm/yyyy",
        "colon": ":",
        "legal": {"publisher": "Publisher", "director": "Director of publication",
                  "host": "Hosting", "name": "Name", "status": "Legal form", "address": "Address",
                  "phone": "Telephone", "email": "E-mail",
                  "director_text": "The person responsible for what is published on the site.",
                  "host_text": "The company or organisation that keeps the site's files on its "
                               "servers and serves them to readers.",
                  "controller_text": "Testimonies sent by e-mail are received and kept by the "
                                     "site's publisher:",
                  "placeholder": "To be filled in before publication."},
        "people": {"role": "Role", "profession": "Profession or qualification",
                   "placeholder": "To be replaced by a named person before publication."},
        "list_sep": "; ",
        "row": "row",
        "row_title": "Row",
        "privacy_title": "What you write stays with you",
        "privacy_web": "What you type stays in this page and is never sent anywhere. It is "
                       "erased when you leave the page, unless you choose to keep your answers "
                       "on this device.",
        "privacy_pdf": "What you write on this sheet is yours. You choose what you share, "
                       "and with whom.",
        "sheet": "Exercise sheet",
        "sources": "Sources",
        "qr_alt": "QR code leading to the online version:",
        "online": "Online version:",
        "version": "Version of",
        "licence": "Licence CC BY-SA 4.0",
        "help_pdf": "Need help now? See the site's \u201cNeed help\u201d page.",
        "written_by": "Written by",
        "reviewed_by": "Reviewed by",
        "last_reviewed": "Last reviewed",
        "how_review": "Who writes, how we review",
        "testimony_licence": "This testimony is not under the site's CC BY-SA licence: "
                             "all rights reserved. Do not reproduce it elsewhere.",
        "testimony_withdraw": "It can be withdrawn at the request of the people who gave it.",
        "next_review": "Next review due",
        "page_info": "About this page",
        "help_line": "If you are struggling right now:",
        "help_link": "Need help now?",
        "no_sources": "This page does not rely on a publication: it presents the site itself "
                      "or points to the pages that cite their sources.",
        "download": "Download",
        "pdf_a4": "PDF A4",
        "pdf_letter": "PDF US Letter",
        "page": "page",
        "pages": "pages",
        "fillable": "fillable on screen",
        "keep": "Keep my answers on this device",
        "erase": "Erase my answers…",
        "erase_question": "Erase every answer on this sheet? This cannot be undone.",
        "erase_yes": "Yes, erase everything",
        "erase_no": "No, keep my answers",
        "erased": "Your answers have been erased.",
        "print": "Print my answers",
        "save_pdf": "Save as filled PDF",
        "saving_pdf": "Preparing the PDF…",
        "saved_pdf": "The PDF is in your downloads. Nothing was sent.",
        "pdf_failed": "The PDF could not be prepared. You can print your answers, or choose "
                      "\u201cSave as PDF\u201d in the print window.",
        "filled_on": "Filled in on",
        "no_answer": "(no answer)",
        "keep_help": "Nothing is sent: your answers stay in this browser until you erase them.",
        "for": {"patients": "For patients", "trainees": "For trainees",
                "therapists": "For clinicians"},
        "moments": {"before-first-session": "Before the first session",
                    "between-sessions": "Between sessions",
                    "not-working": "When it is not working",
                    "professionals": "For professionals, in care or in training",
                    "forms": "Apart: the consent form"},
        "forms_note": "This form is not an exercise sheet. It is for giving consent before a "
                      "testimony is published on the site.",
        "patient_voice": "Patient",
        "therapist_voice": "Professional",
        "testimonies_by_theme": "By theme",
        "testimonies_all": "All testimonies",
        "setting": "Setting",
        "kind_paraphrase": "Paraphrase of a published testimony",
        "kind_composite": "Composite testimony, written for the site",
        "kind_contributed": "Testimony shared with the site",
        "self_check": {
            "title": "Step {number}: check your understanding",
            "intro": "A few questions to check your reading. Your answers stay in this page: "
                     "nothing is stored or sent.",
            "check": "Check my answers",
            "reset": "Start again",
            "right": "Right.",
            "wrong": "Not quite.",
            "missing": "You have not answered this question.",
            "score": "{right} right answers out of {total}. The explanations are under each "
                     "question.",
            "score_one": "{right} right answer out of {total}. The explanations are under each "
                         "question.",
            "zero_is_one": False,
            "cleared": "The answers have been cleared.",
            "answer": "The answer",
        },
    },
}


def long_date(day: dt.date, lang: str) -> str:
    """'21 novembre 2026' / '21 November 2026'."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
