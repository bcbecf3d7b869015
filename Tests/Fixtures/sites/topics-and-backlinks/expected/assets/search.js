// Minimal fixture search script.
