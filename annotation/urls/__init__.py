"""Annotation routes: desk.py mounts the namespace ``annotation`` at /<lang>/desk/ and includes review.py and
intake.py."""
