"""The benchmarks: scripts run as modules from the repository root (`python -m benchmarks.copy_load`)."""
