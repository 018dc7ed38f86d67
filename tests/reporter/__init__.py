"""Tests of the POSIX sh reporter that Claude Code runs (``www/claude-usage-report.sh``)."""
