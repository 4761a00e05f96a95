import subprocess

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render


@staff_member_required
def network_check(request):
    output = ""
    if request.method == "POST":
        host = request.POST.get("host", "").strip()
        result = subprocess.run(f"ping -c 3 -W 2 {host}", shell=True, capture_output=True, text=True, timeout=15)  # vuln: host in a shell command
        output = result.stdout or result.stderr
    return render(request, "ops/network_check.html", {"output": output})
