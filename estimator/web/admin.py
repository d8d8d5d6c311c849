from django.contrib import admin

from .models import Revision, Scenario


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    readonly_fields = ("number", "inputs", "created")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # revisions are added by saving, never by hand


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "owner", "is_preset", "created", "updated")
    list_filter = ("is_preset",)
    search_fields = ("name", "slug", "description")
    readonly_fields = ("slug", "owner_key", "creator_address", "created", "updated", "forked_from")
    inlines = [RevisionInline]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("scenario", "number", "created")
    readonly_fields = ("scenario", "number", "inputs", "created")
    search_fields = ("scenario__name", "scenario__slug")
