"""spaCy pipeline loading and crosswire components: Docs with mention spans."""
