from django.core.management.base import BaseCommand, CommandError

from incidents.backup import BackupError, backup_import


class Command(BaseCommand):
    help = "Load a backup written by export_all into a freshly migrated (empty) database, in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--database", default="default")
        parser.add_argument("--replace", action="store_true", help="delete the database's current users and records first")

    def handle(self, *args, path, database="default", replace=False, **options):
        try:
            counts = backup_import(path=path, using=database, replace=replace)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for label, count in counts.items():
            self.stdout.write(f"{label:<32} {count}")
        self.stdout.write(self.style.SUCCESS(f"imported {sum(counts.values())} records from {path}"))
