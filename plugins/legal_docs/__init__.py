"""Legal documents: pages with numbers, validity status and relations; the public library."""
