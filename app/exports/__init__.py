"""CSV exports for teachers (web downloads) and the shell (``flask export``, ``flask demo``)."""
