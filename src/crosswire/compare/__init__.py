"""Cross-document comparison: stories (documents about one happening) and the dates they imply."""
