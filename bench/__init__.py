"""Benchmarks of the Claude Usage integration and card (run with ``scripts/bench``)."""
