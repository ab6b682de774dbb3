"""Data addresses (exports, feeds, API): stable, never under a language prefix."""

app_name = "data"
urlpatterns = []
