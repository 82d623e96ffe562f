"""Benchmarks: run on demand with `make bench` or `python -m bench` (never in CI's test run)."""
