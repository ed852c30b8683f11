"""Vietnamese translation of the Wagtail admin, shipped with the plugins.

Install ``plugins.core.wagtail_vi`` before the Wagtail apps in INSTALLED_APPS: Django
gives the catalogues of earlier apps precedence, so these replace Wagtail's partial
Vietnamese ones (see GLOSSARY.md for the terms used).
"""
