"""Reading scraped news (HTML, WARC, JSON Lines, text) and cleaning it into articles."""
