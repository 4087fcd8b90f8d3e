"""Alliance site logic in plain Python.

Nothing in this package imports MkDocs: the validation checks, the content
transforms and the sheet renderer run the same from the command line
(`python -m alliance`), from the tests, and from the thin MkDocs hooks in
`hooks/*.py`. A later change of site engine only replaces those hooks.
"""

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
# Who a page or sheet is for, in the order the sheets index lists them.
AUDIENCES: tuple[str, ...] = ("patients", "therapists", "trainees")
# Search engines cut longer titles and descriptions (front matter and sheet sources alike).
TITLE_MAX = 70
DESCRIPTION_MAX = 160
