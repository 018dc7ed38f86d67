"""Client of claude.ai's usage API. It knows nothing of Home Assistant."""
