from django.urls import path

from portal.views import site_search

urlpatterns = [
    path("", site_search, name="site_search"),
]
