"""Getting articles in: decoding, boilerplate removal, splitting, duplicate detection, files, bulk rows, URLs, feeds.

Plain functions over text and bytes; the database writes live in annotation.services.intake.
"""
