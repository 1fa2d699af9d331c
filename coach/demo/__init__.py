"""Sample data for ``coach --demo`` and the screenshots, and the app that shows it."""
