"""Evaluation: the evaluator behind the Python API, the result and its builder, deadlines."""
