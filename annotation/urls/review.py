"""The review screen (namespace ``annotation``, under /<lang>/desk/)."""

from django.urls import path

from annotation.views import review

urlpatterns = [
    path("articles/<int:pk>/review/", review.review, name="review"),
    path("articles/<int:pk>/review/form/", review.review_formset, name="review_formset"),
    path("articles/<int:pk>/mentions/add/", review.mention_add, name="mention_add"),
    path("articles/<int:pk>/mentions/accept-bulk/", review.mentions_accept_bulk, name="mentions_accept_bulk"),
    path("articles/<int:pk>/mentions/<int:mention_pk>/<slug:action>/", review.mention_action, name="mention_action"),
    path("articles/<int:pk>/finish/", review.article_finish, name="article_finish"),
    path("train/", review.model_train, name="model_train"),
]
