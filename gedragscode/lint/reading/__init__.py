"""Reading a code of conduct: a pipeline of small stages, each with one job.

lines (:mod:`.lines`) ▶ headings (:mod:`.headings`) ▶ front matter (:mod:`.frontmatter`) and units
(:mod:`.units`) with roles (:mod:`.roles`) ▶ leden and sentences (:mod:`.sentences`).
:func:`gedragscode.lint.segment.segment` runs the pipeline.
"""
