"""Widgets shared by the app's screens, one per file."""
