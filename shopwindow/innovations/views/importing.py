"""The moderators' import page: upload, see every problem or what will change, then confirm."""

import base64

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from shopwindow.accounts.decorators import moderator_required
from shopwindow.innovations.forms import ImportForm
from shopwindow.innovations.services.imports import preview_import, run_import
from shopwindow.innovations.services.validation import RecordValidationError

SESSION_KEY = "innovations_import"


@moderator_required
def import_records(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return _confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        content: bytes = form.cleaned_data["file"]
        preview = preview_import(content)
        if preview.ok:
            # Keep the checked file for the confirm step, so what is imported is what was checked.
            request.session[SESSION_KEY] = {
                "content": base64.b64encode(content).decode("ascii"),
                "publish": form.cleaned_data["mode"] == "publish",
                "name": form.file_name,
            }
            context.update(preview=preview, publish=form.cleaned_data["mode"] == "publish")
            return render(request, "innovations/moderation/import_check.html", context)
        count = len(preview.errors)
        form.add_error(
            "file",
            f"The file has {count} problem{'s' if count != 1 else ''}. Nothing was imported: "
            "fix every problem and upload the file again",
        )
        context["problems"] = [str(error) for error in preview.errors]
    return render(request, "innovations/moderation/import.html", context)


def _confirm(request: HttpRequest) -> HttpResponse:
    pending = request.session.pop(SESSION_KEY, None)
    if not pending:
        messages.error(request, "Upload the file again: the checked file was not found.")
        return redirect("innovations:moderation-import")
    try:
        result = run_import(
            base64.b64decode(pending["content"]),
            actor=request.user,  # type: ignore[arg-type]
            publish=bool(pending["publish"]),
        )
    except RecordValidationError:
        # The database changed between checking and confirming (for example a clashing id).
        messages.error(request, "The file is no longer valid. Upload it again to see why.")
        return redirect("innovations:moderation-import")
    messages.success(
        request,
        f"Imported {pending['name']}: {len(result.created)} created, "
        f"{len(result.updated)} updated, "
        f"{len(result.pending)} waiting for approval, {len(result.unchanged)} unchanged.",
    )
    return redirect("innovations:moderation-import")
