"""The facilitator's tools: share files, reading a folder of them, small-count
suppression, the cohort summary and its output files, and rehearsal data.

* :mod:`.share_file`: making, describing, writing and reading a share file (pure; the
  learner's share panel uses it too, so it never loads pandas).
* :mod:`.folder`: reading a folder of share files, setting aside the unusable ones.
* :mod:`.suppression`: the small-count threshold and the hiding of small counts.
* :mod:`.summary`: the cohort summary (pandas).
* :mod:`.summary_output`: the summary as an HTML page and two CSV files.
* :mod:`.rehearsal`: made-up share files for a rehearsal cohort.

pandas and numpy are imported only by :mod:`.summary`, :mod:`.summary_output` and inside
:func:`.suppression.suppress`; importing this package loads neither.
"""
