"""The admin screen of an import: the file checked at once, then a task with a progress page.

A plugin subclasses :class:`ImportView` and says what differs:

- ``form_class`` (an :class:`~.forms.ImportUploadForm`), ``title``, ``url_name`` (the
  screen's own URL, to start again), ``importer`` (the dotted path of the function the
  task runs, see :mod:`plugins.core.import_jobs`);
- :meth:`ImportView.allowed`: whether the user may import at all (403 otherwise);
- :meth:`ImportView.check`: reads and checks every row of the upload, raising
  :class:`~plugins.core.tabular.ImportRefused` with every problem (shown on the screen,
  nothing written), and returns how many records the task will write and the options it
  is given.

``ImportView.as_view()`` is the view to register. :class:`PageImportView` is the screen of
an import into a page (a library, a procedure list): it offers the pages of ``page_model``
the user may add pages to in their agencies' sites, and refuses whoever has none.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from plugins.core import import_jobs
from plugins.core.admin.scoping import pages_for_user
from plugins.core.tabular import ImportRefused


class ImportView(View):
    form_class = None
    title = ""
    url_name = ""
    importer = ""
    table_field = "table"
    template_name = "core/admin/import.html"

    def allowed(self):
        """Whether the user may use this screen."""
        raise NotImplementedError

    def get_form_kwargs(self):
        return {}

    def check(self, form, content, filename):
        """``(total, options)`` of a clean file; ImportRefused lists every problem."""
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(self.form_class(**self.get_form_kwargs()))

    def post(self, request):
        form = self.form_class(request.POST, request.FILES, **self.get_form_kwargs())
        if not form.is_valid():
            return self.render(form)
        upload = form.cleaned_data[self.table_field]
        content = upload.read()
        try:
            total, options = self.check(form, content, upload.name)
        except ImportRefused as refused:
            return self.render(form, refused.errors)
        return import_jobs.start(request, self.importer, content, upload.name, total=total,
                                 title=self.title, again_url=reverse(self.url_name),
                                 options=options)

    def render(self, form, errors=()):
        return TemplateResponse(self.request, self.template_name, {
            "form": form, "errors": list(errors), "page_title": self.title,
        })


class PageImportView(ImportView):
    page_model = None

    def targets(self):
        return pages_for_user(self.request.user, self.page_model, "add")

    def allowed(self):
        return self.targets().exists()

    def get_form_kwargs(self):
        return {"targets": self.targets()}
