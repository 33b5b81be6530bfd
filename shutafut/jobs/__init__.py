"""Background work of a town, as its people follow it (Django's Tasks API through ``django_tasks``).

The public API is in ``shutafut.jobs.services`` (``job_start``, ``job_task``, ``report_progress``, ``attach_file``,
``job_input_path``, ``JobFailed``), ``shutafut.jobs.selectors`` (``job_url``, ``job_status``, ``recent_jobs``) and
``shutafut.jobs.access`` (``access_job``). docs/jobs.md explains how to move work onto it.
"""
