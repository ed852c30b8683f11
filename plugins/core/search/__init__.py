"""Vietnamese full-text search.

One query parser, one index, backends for SQLite, PostgreSQL and Elasticsearch.
"""
