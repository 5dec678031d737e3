"""Storage: the SQLAlchemy schema and the repository (SQLite by default, PostgreSQL supported)."""
