from django.contrib import admin

from shutafut.relationships.models import Relationship


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin[Relationship]):
    list_display = ["org_a", "org_b", "rung", "domain", "observed_on", "source", "town"]
    list_filter = ["town", "rung", "source"]
    raw_id_fields = ["org_a", "org_b"]
