"""Sparkify data warehouse tutorial library."""
