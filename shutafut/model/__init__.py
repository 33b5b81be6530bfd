"""The guide's model as plain, typed Python: no Django import anywhere in this package.

Read it next to the guide (../shared/seed) and docs/model.md: sectors and their subtypes, the six-rung
relationship ladder, the resource-type vocabulary, the sector table, the six principles with their indicators,
the life cycle with its gates, and crosswalks to other published ladders.
"""
