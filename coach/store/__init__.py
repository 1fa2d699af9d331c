"""The database: the only package that imports TinyDB; it hands out domain values."""
