"""Tests of the claude.ai API client package."""
