"""The API plus the floor views the benchmark compares it with."""

from django.urls import path

from newsdesk.urls import urlpatterns as newsdesk_urlpatterns

from . import floors

urlpatterns = [
    path("bench/floor/<str:name>/", floors.floor_view),
    *newsdesk_urlpatterns,
]
