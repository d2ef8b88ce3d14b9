"""Readers' URLs: ``/stories/<slug>/``, and the newsroom's preview of any
story, ``/stories/preview/<id>/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("preview/<int:pk>/", views.story_preview, name="story-preview"),
    path("<slug:slug>/", views.story, name="story"),
]
