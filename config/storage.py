"""Static files storage for production: whitenoise's compressed, content-hashed files.

Source-map comments are left as they are: vendored libraries ship without their .map files, and a
missing map must not fail `collectstatic` (browsers only fetch maps when developer tools are open).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern):
        regex = pattern[0] if isinstance(pattern, tuple) else pattern
        return "sourceMappingURL" not in regex

    return tuple((extension, tuple(p for p in group if keep(p))) for extension, group in patterns)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
