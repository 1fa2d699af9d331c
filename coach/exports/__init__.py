"""Export and import: the JSON backup and its checks, Markdown and CSV, and safe JSON input."""
