"""The article editor in the teacher's browser (issue 12): New article, the editor, its live check, save."""
