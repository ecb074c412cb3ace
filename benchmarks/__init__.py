"""Benchmarks of the app; a package so that tests can reuse their parts."""
