from __future__ import annotations

from django.urls import path

from shutafut.workspace import views

urlpatterns = [
    path("<int:pk>/", views.home_view, name="ws-home"),
    path("<int:pk>/stage/", views.stage_move_view, name="ws-stage-move"),
    path("<int:pk>/end/", views.end_view, name="ws-end"),
    path("<int:pk>/reopen/", views.reopen_view, name="ws-reopen"),
    path("<int:pk>/charter/", views.charter_view, name="ws-charter"),
    path("<int:pk>/charter/print/", views.charter_print_view, name="ws-charter-print"),
    path("<int:pk>/charter/item/", views.charter_item_view, name="ws-charter-item"),
    path("<int:pk>/charter/item/<int:item>/remove/", views.charter_item_remove_view, name="ws-charter-item-remove"),
    path("<int:pk>/charter/entry/", views.charter_entry_view, name="ws-charter-entry"),
    path("<int:pk>/charter/prefill/", views.charter_prefill_view, name="ws-charter-prefill"),
    path("<int:pk>/charter/approve/", views.charter_approve_view, name="ws-charter-approve"),
    path("<int:pk>/charter/representative/", views.representative_add_view, name="ws-representative-add"),
    path("<int:pk>/vision/", views.vision_view, name="ws-vision"),
    path("<int:pk>/vision/save/", views.vision_save_view, name="ws-vision-save"),
    path("<int:pk>/vision/endorse/", views.vision_endorse_view, name="ws-vision-endorse"),
    path("<int:pk>/vision/focus/", views.focus_view, name="ws-focus"),
    path("<int:pk>/readiness/", views.readiness_view, name="ws-readiness"),
    path("<int:pk>/readiness/record/", views.readiness_record_view, name="ws-readiness-record"),
    path("<int:pk>/culture/", views.culture_view, name="ws-culture"),
    path("<int:pk>/culture/profile/", views.culture_save_view, name="ws-culture-save"),
    path("<int:pk>/culture/norm/", views.norm_add_view, name="ws-norm-add"),
    path("<int:pk>/plan/", views.plan_view, name="ws-plan"),
    path("<int:pk>/plan/<str:kind>/new/", views.plan_add_view, name="ws-plan-add"),
    path("<int:pk>/plan/task/<int:task>/progress/", views.task_progress_view, name="ws-task-progress"),
    path("<int:pk>/plan/<str:kind>/<int:item>/edit/", views.plan_edit_view, name="ws-plan-edit"),
    path("<int:pk>/plan/<str:kind>/<int:item>/delete/", views.plan_delete_view, name="ws-plan-delete"),
    path("<int:pk>/culture/norm/<int:norm>/delete/", views.norm_delete_view, name="ws-norm-delete"),
    path("<int:pk>/outcomes/", views.outcomes_view, name="ws-outcomes"),
    path("<int:pk>/outcomes/save/", views.outcomes_save_view, name="ws-outcomes-save"),
    path("<int:pk>/outcomes/contribution/", views.contribution_view, name="ws-contribution"),
    path("<int:pk>/outcomes/success/", views.success_view, name="ws-success"),
    path("<int:pk>/health/", views.health_view, name="ws-health"),
    path("<int:pk>/health/new/", views.survey_create_view, name="ws-survey-create"),
    path("<int:pk>/health/<int:survey>/results/", views.results_view, name="ws-results"),
    path("<int:pk>/health/<int:survey>/closing/", views.survey_close_view, name="ws-survey-close"),
    path("<int:pk>/health/<int:survey>/<str:action>/", views.survey_action_view, name="ws-survey-action"),
]
