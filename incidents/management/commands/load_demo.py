from django.core.management.base import BaseCommand

from incidents.demo import demo_load


class Command(BaseCommand):
    help = "Load demo users, outlets, gazetteer, armed groups and published demo incidents (idempotent)."

    def handle(self, *args, **options):
        result = demo_load()
        self.stdout.write(f"knowledge base: {result['entities_added']} new entities")
        self.stdout.write(f"demo articles: {result['articles_added']} new; published incidents: {result['published']}")
        self.stdout.write(self.style.SUCCESS("Demo accounts (log in at /ar/accounts/login/):"))
        for username, password in result["users"].items():
            self.stdout.write(f"  {username:<9} {password}")
