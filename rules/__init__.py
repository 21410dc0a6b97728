"""The built-in rule pack: one YAML file per rule, plus reference classes and lexicons (data)."""
