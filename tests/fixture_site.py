"""A minimal, valid Alliance repository built in a temporary folder, for the check tests.

It has the real data files (docs/_data, with a trimmed bibliography and one sheet),
a handful of pages in both languages, and `translation_sync` recorded by the real
`sync_all`. Tests break it in one place and read the problems the checks report.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

from alliance.checks import run_all  # noqa: E402
from alliance.context import load_context  # noqa: E402
from alliance.data import name_hash as name_hash  # noqa: E402  (for the tests)
from alliance.problems import Problem  # noqa: E402
from alliance.problems import format_report as format_report  # noqa: E402  (for the tests)
from alliance.translations_sync import sync_all  # noqa: E402

TODAY = dt.date(2026, 11, 21)
REVIEWED = dt.date(2026, 9, 1)  # safely in the past, also for the CLI (which uses the clock)
SHEET = "mes-objectifs"

BIBLIOGRAPHY = """\
# Trimmed bibliography of the test site: every entry is cited.
bordin1979:
  type: article
  authors: ["Bordin, E. S."]
  year: 1979
  title: "The generalizability of the psychoanalytic concept of the working alliance"
  journal: "Psychotherapy: Theory, Research & Practice"
  volume: 16
horvath1991:
  type: article
  authors: ["Horvath, A. O.", "Symonds, B. D."]
  year: 1991
  title: "Relation between working alliance and outcome in psychotherapy: A meta-analysis"
  journal: "Journal of Counseling Psychology"
  volume: 38
"""

TESTIMONY = {
    "fr": {"type": "composite",
           "consent": "Composite écrit par l'équipe éditoriale\u00a0; aucune personne réelle.",
           "anonymised": True, "perspectives": ["patient", "therapist"],
           "setting": "Psychothérapie en cabinet", "themes": ["confiance"]},
    "en": {"type": "composite",
           "consent": "Composite written by the editorial team; no real person.",
           "anonymised": True, "perspectives": ["patient", "therapist"],
           "setting": "Psychotherapy in private practice", "themes": ["confiance"]},
}

# The trainee path's self-check: one question for its one step.
SELF_CHECKS = """\
etape-1:
  - question: {fr: "Une question\u00a0?", en: "A question?"}
    choices:
      - {fr: "Oui", en: "Yes", correct: true}
      - {fr: "Non", en: "No"}
    explanation: {fr: "Parce que.", en: "Because."}
"""

# stem -> kind, then per language: (title, description, body)
PAGES: dict[str, dict[str, Any]] = {
    "index": {
        "kind": "home",
        "fr": ("Alliance", "La relation de travail entre vous et votre soignant.",
               "# Alliance\n\n"
               "Bienvenue. Ce site parle de la relation de soin.\n<!-- diagram-accueil -->\n"
               "Lire la page sur [l'alliance](comprendre/alliance.md#ce-qui-compte).\n"),
        "en": ("Alliance", "The working relationship between you and your clinician.",
               "# Alliance\n\n"
               "Welcome. This site is about the caring relationship.\n<!-- diagram-accueil -->\n"
               "Read the page on [the alliance](comprendre/alliance.md#ce-qui-compte).\n"),
    },
    "comprendre/alliance": {
        "kind": "concept",
        "fr": ("L'alliance thérapeutique", "Ce qu'est l'alliance, en quelques mots.",
               "# L'alliance thérapeutique\n"
               "\n"
               "C'est la relation de travail entre vous et votre soignant [@bordin1979].\n"
               "\n"
               "## Ce qui compte { #ce-qui-compte }\n"
               "\n"
               "Une bonne [alliance](glossaire.md#alliance) aide à aller mieux [@horvath1991].\n"
               "Voyez la fiche [Mes objectifs](../fiches/mes-objectifs.md).\n"
               "\n"
               "![Trois cercles\u00a0: objectifs, tâches et lien](../assets/schema.svg)\n"),
        "en": ("The therapeutic alliance", "What the alliance is, in a few words.",
               "# The therapeutic alliance\n"
               "\n"
               "It is the working relationship between you and your clinician [@bordin1979].\n"
               "\n"
               "## What matters { #ce-qui-compte }\n"
               "\n"
               "A good [alliance](glossaire.md#alliance) helps you get better [@horvath1991].\n"
               "See the sheet [My goals](../fiches/mes-objectifs.md).\n"
               "\n"
               "![Three circles: goals, tasks and bond](../assets/schema.svg)\n"),
    },
    "comprendre/glossaire": {
        "kind": "reference",
        "fr": ("Glossaire", "Les mots de l'alliance expliqués simplement.",
               "# Glossaire\n\n<!-- glossary -->\n"),
        "en": ("Glossary", "The words of the alliance, explained simply.",
               "# Glossary\n\n<!-- glossary -->\n"),
    },
    "comprendre/references": {
        "kind": "reference",
        "fr": ("Références", "La bibliographie du site.", "# Références\n\n<!-- bibliography -->\n"),
        "en": ("References", "The site's bibliography.", "# References\n\n<!-- bibliography -->\n"),
    },
    # the pages that carry a generated block (MARK002 wants each one and its marker)
    "aide": {
        "kind": "utility",
        "fr": ("Besoin d'aide", "Les numéros à appeler.", "# Besoin d'aide\n\n<!-- helplines -->\n"),
        "en": ("Need help", "The numbers to call.", "# Need help\n\n<!-- helplines -->\n"),
    },
    "comprendre/depasser-les-limites": {
        "kind": "utility",
        "fr": ("Quand un soignant dépasse les limites", "Où signaler.",
               "# Quand un soignant dépasse les limites\n\n<!-- reporting-routes -->\n"),
        "en": ("When a professional crosses a line", "Where to report.",
               "# When a professional crosses a line\n\n<!-- reporting-routes -->\n"),
    },
    "a-propos/index": {
        "kind": "utility",
        "fr": ("À propos", "Qui écrit et relit.", "# À propos\n\n<!-- people -->\n"),
        "en": ("About", "Who writes and reviews.", "# About\n\n<!-- people -->\n"),
    },
    "a-propos/mentions-legales": {
        "kind": "utility",
        "fr": ("Mentions légales", "Qui publie le site.", "# Mentions légales\n\n<!-- legal-notice -->\n"),
        "en": ("Legal notice", "Who publishes the site.", "# Legal notice\n\n<!-- legal-notice -->\n"),
    },
    "a-propos/confidentialite": {
        "kind": "utility",
        "fr": ("Confidentialité", "Vos données.", "# Confidentialité\n\n<!-- data-controller -->\n"),
        "en": ("Privacy", "Your data.", "# Privacy\n\n<!-- data-controller -->\n"),
    },
    "temoignages/index": {
        "kind": "index",
        "fr": ("Témoignages", "Les témoignages.", "# Témoignages\n\n<!-- testimonies-index -->\n"),
        "en": ("Testimonies", "The testimonies.", "# Testimonies\n\n<!-- testimonies-index -->\n"),
    },
    "fiches/index": {
        "kind": "index",
        "fr": ("Fiches", "Les fiches d'exercices.", "# Fiches\n\n<!-- sheets-index -->\n"),
        "en": ("Sheets", "The exercise sheets.", "# Sheets\n\n<!-- sheets-index -->\n"),
    },
    "pros/parcours-formation": {
        "kind": "path",
        "fr": ("Parcours de formation", "Un parcours en une étape.",
               "# Parcours de formation\n\n## Étape 1 { #etape-1 }\n\nLire la page.\n\n"
               "<!-- self-check -->\n"),
        "en": ("Learning path", "A one-step path.",
               "# Learning path\n\n## Step 1 { #etape-1 }\n\nRead the page.\n\n"
               "<!-- self-check -->\n"),
    },
    "temoignages/exemple": {
        "kind": "testimony",
        "fr": ("Un exemple de confiance", "Témoignage composite sur la confiance.",
               "# Un exemple de confiance\n"
               "\n"
               "## La confiance { #confiance }\n"
               "\n"
               "### Côté patient { #confiance-patient .voice-patient }\n"
               "\n"
               "J'avais peur de parler. Peu à peu, j'ai osé.\n"
               "\n"
               "### Côté thérapeute { #confiance-therapeute .voice-therapist }\n"
               "\n"
               "J'ai attendu. Je n'ai pas insisté.\n"),
        "en": ("An example of trust", "A composite testimony about trust.",
               "# An example of trust\n"
               "\n"
               "## Trust { #confiance }\n"
               "\n"
               "### The patient's side { #confiance-patient .voice-patient }\n"
               "\n"
               "I was afraid to speak. Little by little, I dared.\n"
               "\n"
               "### The therapist's side { #confiance-therapeute .voice-therapist }\n"
               "\n"
               "I waited. I did not push.\n"),
    },
}


def yaml_value(value: Any) -> str:
    """One value as inline YAML ("[a, b]", "2026-09-01", "L'alliance")."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return text.removesuffix("\n").removesuffix("\n...")


def front_block(front: dict[str, Any]) -> str:
    """Front matter, one key per line; a nested mapping (testimony) indented below its key."""
    lines = []
    for key, value in front.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {yaml_value(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {yaml_value(value)}")
    return "".join(line + "\n" for line in lines)


def page_front(stem: str, lang: str, **changes: Any) -> dict[str, Any]:
    """The fixture's front matter of a page; `changes` replace fields (None removes one)."""
    spec = PAGES[stem]
    title, description, _ = spec[lang]
    front: dict[str, Any] = {
        "title": title, "description": description, "kind": spec["kind"],
        "audience": ["patients", "trainees", "therapists"],
        "authors": ["equipe-editoriale"], "reviewers": ["comite-relecture"],
        "last_reviewed": REVIEWED,
    }
    if spec["kind"] == "testimony":
        front["testimony"] = dict(TESTIMONY[lang])
    for key, value in changes.items():
        if value is None:
            front.pop(key, None)
        else:
            front[key] = value
    return front


def page_path(root: Path, stem: str, lang: str) -> Path:
    return root / "docs" / f"{stem}.{lang}.md"


def write_page(root: Path, stem: str, lang: str, front: dict[str, Any] | str | None = None,
               body: str | None = None) -> Path:
    """Write docs/<stem>.<lang>.md. `front` is a mapping or raw YAML text; by default the
    fixture's own front matter and body for that page. Keeps a recorded translation_sync."""
    path = page_path(root, stem, lang)
    if front is None:
        front = page_front(stem, lang)
    if body is None:
        body = PAGES[stem][lang][2]
    text = front if isinstance(front, str) else front_block(front)
    if path.exists() and isinstance(front, dict) and "translation_sync" not in front:
        old = read_meta(path).get("translation_sync")
        if old is not None:
            text += f"translation_sync: {old}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{text}---\n\n{body}", encoding="utf-8")
    return path


def read_meta(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) or {}


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one exact piece of a file (fails loudly if the piece is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build_site(root: Path) -> Path:
    """Write the valid test site into `root` and record its translations as in line."""
    data = root / "docs/_data"
    shutil.copytree(REPO / "docs/_data", data)
    shutil.copytree(REPO / "templates", root / "templates")  # sheet pages' anchors come from it
    (data / "bibliography.yml").write_text(BIBLIOGRAPHY, encoding="utf-8")
    (data / "self_checks.yml").write_text(SELF_CHECKS, encoding="utf-8")
    for sheet in (data / "sheets").glob("*.yml"):
        if sheet.stem != SHEET:
            sheet.unlink()
    sheet = data / "sheets" / f"{SHEET}.yml"
    replace_in(sheet, "related: [comprendre/bordin]", "related: []")
    replace_in(sheet, "last_reviewed: 2026-11-21", f"last_reviewed: {REVIEWED}")
    assets = root / "docs/assets"
    assets.mkdir(parents=True)
    # an image for each language: without fallback, an English page cannot use schema.svg
    for name in ("schema.svg", "schema.en.svg"):
        (assets / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n',
            encoding="utf-8")
    for stem in PAGES:
        for lang in ("fr", "en"):
            write_page(root, stem, lang)
    for lang in ("fr", "en"):
        write_sheet_stub(root, lang)
    sync_all(root)
    return root


def write_sheet_stub(root: Path, lang: str, sheet_id: str = SHEET) -> Path:
    path = page_path(root, f"fiches/{sheet_id}", lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nkind: sheet\nsheet: {sheet_id}\n---\n", encoding="utf-8")
    return path


def make_buildable(root: Path, *, content_checks: bool = True, nav: str = "") -> None:
    """Add what `mkdocs build` needs to the test site: the project's mkdocs.yml (with `nav`
    as its navigation, none by default), hooks, theme overrides and assets. Without
    `content_checks`, the build runs without the project's content checks, so that what
    MkDocs itself rejects can be compared with what `python -m alliance check` reports."""
    head, rest = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")
    assert all(line.startswith("  ") for line in rest.splitlines() if line.strip()), \
        "nav: should be the last section of mkdocs.yml"
    config = head + "\n" + (f"nav:\n{nav}" if nav else "")
    if not content_checks:
        assert "  - hooks/validation.py\n" in config
        config = config.replace("  - hooks/validation.py\n", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(REPO / "overrides", root / "overrides", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(REPO / "docs/assets", root / "docs/assets", dirs_exist_ok=True)


def problems(root: Path, today: dt.date = TODAY) -> list[Problem]:
    return run_all(load_context(root, today), today=today)


def report(root: Path, today: dt.date = TODAY) -> list[str]:
    """Every problem of the site as its printed line, in order."""
    return [str(p) for p in problems(root, today)]
