"""Signed PDFs in the exchange between agencies (R-EO-16, issue 18 item 5).

- :mod:`.verify` reads the signatures of a PDF (signer, signing time, integrity) and
  judges each against the installation's trusted certificate authorities (:mod:`.trust`),
  offline;
- :mod:`.sign` signs an outgoing PDF with the agency's PKCS#12 certificate (PAdES B-B);
- :mod:`.summary` is what a document's page shows, cached per file content;
- :mod:`.certificates` opens and checks uploaded certificates, :mod:`.passphrases` keeps
  a certificate's passphrase encrypted with a key derived from SECRET_KEY.
"""
