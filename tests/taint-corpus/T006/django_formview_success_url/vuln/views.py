from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic.edit import FormView

from support.forms import TicketForm


class TicketCreateView(FormView):
    template_name = "support/ticket_form.html"
    form_class = TicketForm

    def form_valid(self, form):
        ticket = form.save(commit=False)
        ticket.user = self.request.user
        ticket.save()
        success_url = self.request.POST.get("success_url", "/support/")
        return HttpResponseRedirect(success_url)  # vuln: form field redirected to
