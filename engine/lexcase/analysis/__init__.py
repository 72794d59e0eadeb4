"""Analysis over evaluations: explain and why-not, what-if and sweeps, timeline, rule lint."""
