"""Rule kinds: jargon and canned (phrases), acronym."""
