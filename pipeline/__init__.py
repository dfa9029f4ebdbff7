"""teken's pipeline: the spaCy NLP, the run (read -> clean -> NLP -> extract -> write), the writers and the CLI."""

__version__ = "0.1.0"


class UsageError(Exception):
    """A mistake in how a command was called: one line on stderr, exit code 2, nothing written.

    Defined here rather than in `pipeline.cli` so that `python -m pipeline.cli`, where the CLI module runs
    as `__main__`, still catches what the command modules raise.
    """
