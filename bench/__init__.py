"""The benchmark: a synthetic career's worth of notes, and the timings that matter.

`make bench` (python -m bench) builds the cached vaults once, measures, prints a table and
writes JSON under bench/results/. See README.md, "Benchmark".
"""
