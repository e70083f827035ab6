"""Accounts: sign up, sign in and out, passwords, and the member's own pages."""

from django.urls import path

from shopwindow.accounts.views import account, auth, session, two_factor

app_name = "accounts"

urlpatterns = [
    path("sign-up/", auth.sign_up, name="sign-up"),
    path("sign-up/check-your-email/", auth.sign_up_done, name="sign-up-done"),
    path("sign-in/", auth.SignInView.as_view(), name="sign-in"),
    path("sign-out/", auth.SignOutView.as_view(), name="sign-out"),
    # The second factor for moderators and admins (two_factor.py).
    path("sign-in/security-code/", two_factor.verify, name="two-factor"),
    path("account/two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
    path("account/two-factor/recovery-codes/", two_factor.recovery_codes, name="recovery-codes"),
    path(
        "account/two-factor/recovery-codes/new/",
        two_factor.new_recovery_codes,
        name="new-recovery-codes",
    ),
    path("account/two-factor/", two_factor.settings_page, name="two-factor-settings"),
    # Session time limits (session_limits.py).
    path("session/status/", session.status, name="session-status"),
    path("session/extend/", session.extend, name="session-extend"),
    path("signed-out/timed-out/", session.ended, name="session-ended"),
    path("confirm-email/<str:token>/", auth.confirm_email, name="confirm-email"),
    path("password-reset/", auth.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/check-your-email/",
        auth.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        auth.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("account/", account.dashboard, name="dashboard"),
    path("account/confirm-email/send/", auth.resend_confirmation, name="resend-confirmation"),
    path("account/password/", auth.PasswordChangeView.as_view(), name="password-change"),
    path("account/councils/join/", account.join_council, name="join-council"),
    path("account/councils/<int:pk>/leave/", account.leave_council, name="leave-council"),
    path("account/councils/<str:gss>/", account.council_dashboard, name="council-dashboard"),
    path("account/my-data/", account.download_data, name="download-data"),
    path("account/delete/", account.delete_account, name="delete-account"),
]
