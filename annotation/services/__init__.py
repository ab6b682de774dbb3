"""Writes for intake and annotation. Split by concern: intake (articles in), tagging (engine → mentions),
review (editor decisions on mentions and entities)."""
