"""The exchange's public URL, for the site's urls.py::

    path("exchange/", include("plugins.eoffice.exchange.urls")),
"""

from django.urls import path

from plugins.eoffice.exchange.endpoint import receive_package

urlpatterns = [
    path("edxml/", receive_package, name="eoffice_exchange_endpoint"),
]
