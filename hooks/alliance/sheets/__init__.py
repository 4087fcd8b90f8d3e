"""Exercise sheets: one bilingual source, a web page and fillable, tagged PDFs."""
