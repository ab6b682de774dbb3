"""Writes for intake and annotation. Split by concern: intake (articles in), suggestions (engine output →
suggested mentions), review (editor decisions on mentions and entities)."""
