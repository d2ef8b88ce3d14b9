"""The newsroom interchange format: one JSON file holding a whole newsroom,
written by ``manage.py export_newsroom`` and restored by ``import_newsroom``
(``docs/export-format.md``).

``format`` is the schema (pydantic models, and the JSON Schema shipped as
``docs/export-format.schema.json``), ``writer`` writes a file from the
database, ``reader`` reads and checks one into unsaved model instances, and
``restore`` writes those into an empty database. ``progress`` is the progress
line both commands draw.
"""
