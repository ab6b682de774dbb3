"""gunicorn's settings for Marsad: `gunicorn -c config/gunicorn.py config.wsgi:application` (docs/deploy.md).

Command-line options (--bind, --workers, --timeout…) still apply on top of these.

The application is imported once, in the master, before the workers are forked: the workers share
its memory and start warm. Its objects (modules, URL patterns, templates, translations, the
gazetteer) live as long as the process; `gc.freeze()` before each fork takes them out of the
garbage collector's reach, so that each collection during a request walks only what requests
allocate, not the whole application again (bench/load.sh measures the CPU per request).
"""

import gc

preload_app = True


def pre_fork(_server, _worker):  # gunicorn calls it by name, in the master, before each fork
    gc.freeze()
