from django.contrib import admin

from shutafut.accounts.models import ApiToken, Membership, Town


class MembershipInline(admin.TabularInline[Membership, Town]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Town)
class TownAdmin(admin.ModelAdmin[Town]):
    list_display = ["name", "name_en", "slug", "authority_code"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "town", "role"]
    list_filter = ["role", "town"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["name", "user", "town", "created_at", "last_used_at", "expires_at", "revoked_at"]
    list_filter = ["town"]
    readonly_fields = ["digest", "password_fingerprint", "created_at", "last_used_at"]
