from django.conf import settings


def site(request):
    user = request.user
    return {
        "SITE_NAME": settings.MARSAD_SITE_NAME,
        "is_editor": user.is_authenticated and user.has_perm("annotation.add_article"),
        "is_reviewer": user.is_authenticated and user.has_perm("incidents.approve_incident"),
    }
