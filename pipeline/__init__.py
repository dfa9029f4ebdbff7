"""teken's pipeline: the spaCy NLP, the run (read -> clean -> NLP -> extract -> write), the writers and the CLI."""

__version__ = "0.1.0"
