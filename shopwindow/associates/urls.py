"""URLs of the associate programme. /associates/ and /associates/<id>/ are public; the rest
need signing in; /moderation/associates/ is for moderators."""

from django.urls import path

from shopwindow.associates.views import applying, engagement, moderation, public, requests

app_name = "associates"

urlpatterns = [
    path("associates/", public.roster, name="list"),
    path("associates/<int:pk>/", public.detail, name="detail"),
    path("associates/apply/", applying.apply, name="apply"),
    path("associates/dashboard/", applying.dashboard, name="dashboard"),
    path("associates/invitations/", applying.invitations, name="invitations"),
    path("associates/invitations/<int:pk>/", applying.invitation, name="invitation"),
    path("help-requests/", requests.request_list, name="requests"),
    path("help-requests/new/", requests.request_new, name="request-new"),
    path("help-requests/<int:pk>/", requests.request_detail, name="request-detail"),
    path("help-requests/<int:pk>/invite/", requests.request_invite, name="request-invite"),
    path("engagements/<int:pk>/", engagement.engagement_detail, name="engagement"),
    path("moderation/associates/", moderation.queue, name="moderation-queue"),
    path("moderation/associates/<int:pk>/", moderation.detail, name="moderation-detail"),
    path("moderation/associates/<int:pk>/cv/", moderation.cv_download, name="moderation-cv"),
]
