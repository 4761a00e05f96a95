import csv
import io

from fastapi.responses import StreamingResponse


def build_response(rows, filename):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    buf.seek(0)
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}"},  # vuln: body field in a response header
    )
