"""One way for every plugin to import a table, a workbook or a JSON file (issue 16).

- :mod:`.checks`: per-column validators (a value required, a date, a choice from a list, a
  whole number, an e-mail address, a document number through :mod:`plugins.core.numbers`,
  the length a model field keeps…) that a plugin composes into the checks of its rows;
  :func:`~.checks.check_table` runs them on every row and refuses the import with every
  bad row's reasons;
- :mod:`.forms`: the upload form base: size, type and content of the uploaded file
  (:mod:`plugins.core.files`), the virus scan;
- :mod:`.views`: the base of an admin import screen: checks the file at once, then runs the
  import as a task with a progress page (:mod:`plugins.core.import_jobs`);
- :mod:`.commands`: the base of an import management command: arguments, an all-or-nothing
  run, the problems and the outcome in the active language, exit codes.

Reading tables stays in :mod:`plugins.core.tabular`; files an import reads from a folder
and writes to storage in :mod:`plugins.core.files.imports`.
"""
