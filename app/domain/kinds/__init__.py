"""Question kinds, one module per idea; registered in :data:`app.domain.generate.KINDS`."""
