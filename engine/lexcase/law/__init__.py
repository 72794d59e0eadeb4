"""The law: rule files, loading and checking a folder, resolving rules, the rulebook, its cache."""
