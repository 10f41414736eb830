"""Services: the only code that writes to the database and commits.

A view or CLI command calls one service function per user action; the function
does the whole unit of work and commits it (or raises, leaving nothing behind).
"""
