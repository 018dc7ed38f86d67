"""Tests of the Claude Usage integration."""
