"""End-to-end tests: a real Home Assistant, the fake claude.ai server and Chromium."""
