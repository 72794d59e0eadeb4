"""The model: the case, fact paths and the case as known on a date, the rule model, dates."""
