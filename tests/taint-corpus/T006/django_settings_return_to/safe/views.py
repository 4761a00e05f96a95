from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.forms import NotificationSettingsForm


@login_required
@require_POST
def save_notifications(request):
    form = NotificationSettingsForm(request.POST, instance=request.user.settings)
    if form.is_valid():
        form.save()
    return HttpResponseRedirect(reverse("settings-tab", args=[request.POST.get("tab", "general")]))  # safe: redirect to reverse()
