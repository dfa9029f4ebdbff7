"""`python -m teken ...` is `teken ...`."""

import sys

from teken.pipeline.batch.cli import main

if __name__ == "__main__":
    sys.exit(main())
