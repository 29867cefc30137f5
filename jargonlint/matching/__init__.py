"""Compiled matchers over tokens."""
