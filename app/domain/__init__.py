"""Pure-Python heart of Sourcewise: article format, validation, quiz generation, scoring."""
