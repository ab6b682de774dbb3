from django.core.management.base import BaseCommand

from incidents.backup import backup_export, default_filename


class Command(BaseCommand):
    help = "Write every user, source, article, mention, entity, incident (with actors, figures, sources) and the change history to a JSON Lines backup (.gz compresses)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="output file (default: marsad-<UTC time>.jsonl.gz)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, path=None, database="default", **options):
        path = path or default_filename()
        counts = backup_export(path=path, using=database)
        for label, count in counts.items():
            self.stdout.write(f"{label:<32} {count}")
        self.stdout.write(self.style.SUCCESS(f"wrote {sum(counts.values())} records to {path}"))
