"""The Claude Usage integration."""
