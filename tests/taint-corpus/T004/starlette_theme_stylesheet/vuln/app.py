import os

from starlette.applications import Starlette
from starlette.responses import FileResponse
from starlette.routing import Route


async def stylesheet(request):
    theme = request.path_params["theme"]
    return FileResponse(os.path.join("themes", theme, "style.css"), media_type="text/css")  # vuln: path param in a served path


app = Starlette(routes=[Route("/themes/{theme:path}/style.css", stylesheet)])
