from django.contrib import admin

from shutafut.partnerships.models import (
    Activity,
    Decision,
    FrameworkDocument,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)


class MemberInline(admin.TabularInline[Member, Partnership]):
    model = Member
    extra = 0
    raw_id_fields = ["organization", "representative"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin[Partnership]):
    list_display = ["name", "town", "stage", "convener"]
    list_filter = ["town", "stage"]
    search_fields = ["name"]
    inlines = [MemberInline]


for model in (ResourceFlow, Decision, Activity, FrameworkDocument, MemberInterest):
    admin.site.register(model)
