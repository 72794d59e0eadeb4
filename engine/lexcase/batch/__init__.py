"""Many cases at once: local worker processes."""
