from django.db import connection
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def bulk_delete_tasks(request):
    ids = request.data.get("ids", [])
    if not ids:
        return Response({"detail": "nothing to delete"}, status=status.HTTP_400_BAD_REQUEST)
    id_list = ",".join(str(i) for i in ids)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM todo_task WHERE owner_id = %s AND id IN ({id_list})", [request.user.id])  # vuln: ids joined into SQL
        deleted = cursor.rowcount
    return Response({"deleted": deleted})
