"""The spaCy side of teken: the pipeline and its components (`components`), the shipped NER model and its
training commands (`ner`, `models/`), and the disk cache for the lookup tables they build (`cache`)."""
