"""Alliance site logic in plain Python.

Nothing in this package imports MkDocs: the validation checks, the content
transforms and the sheet renderer run the same from the command line
(`python -m alliance`), from the tests, and from the thin MkDocs hooks in
`hooks/*.py`. A later change of site engine only replaces those hooks.
"""

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
