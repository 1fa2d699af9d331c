"""Coach's content: ``data/*.json`` read into domain values, every field checked."""
