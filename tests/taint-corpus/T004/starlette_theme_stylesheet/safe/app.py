import os

from starlette.applications import Starlette
from starlette.responses import FileResponse
from starlette.routing import Route


async def stylesheet(request):
    theme = os.path.basename(request.path_params["theme"])  # safe: basename drops directories
    return FileResponse(os.path.join("themes", theme, "style.css"), media_type="text/css")


app = Starlette(routes=[Route("/themes/{theme:path}/style.css", stylesheet)])
