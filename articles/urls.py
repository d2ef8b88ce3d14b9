"""Readers' URLs: ``/stories/<slug>/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/", views.story, name="story"),
]
