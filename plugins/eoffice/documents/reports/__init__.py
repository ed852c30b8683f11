"""Reports of the registers (R-EO-9): the day's register as a PDF to sign, exports of a
register for a date range (XLSX, ODS), and statistics of documents and their processing.

- :mod:`.permissions` — who sees which registers and whose statistics;
- :mod:`.register_rows` — a register's rows and Decree 30 columns, shared by the PDF and
  the exports;
- :mod:`.register_pdf` — the printable day's register (WeasyPrint, imported lazily);
- :mod:`.exports` — spreadsheets (tablib);
- :mod:`.statistics` — figures aggregated in the database;
- :mod:`.charts` — the geometry of the server-side SVG charts.
"""
