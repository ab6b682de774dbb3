from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnotationConfig(AppConfig):
    name = "annotation"
    verbose_name = _("Annotation")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from annotation import engine
        from annotation.models import Entity

        def entities_changed(**kwargs):
            engine.invalidate()

        post_save.connect(entities_changed, sender=Entity, dispatch_uid="entity_saved_invalidates_tagger", weak=False)
        post_delete.connect(entities_changed, sender=Entity, dispatch_uid="entity_deleted_invalidates_tagger", weak=False)
