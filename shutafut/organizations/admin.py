from django.contrib import admin

from shutafut.organizations.models import Organization, Person


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["name", "town", "sector", "subtype", "legal_form", "registry_number"]
    list_filter = ["town", "sector", "legal_form"]
    search_fields = ["name", "name_en", "registry_number"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["full_name", "organization", "role_title"]
    search_fields = ["full_name"]
