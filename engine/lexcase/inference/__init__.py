"""Inference: rules compiled for durable_rules, the durable run, probes (the only durable layer)."""
