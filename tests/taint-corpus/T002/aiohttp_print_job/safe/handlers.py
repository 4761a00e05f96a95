from aiohttp import web

from .printing import print_document

PRINTERS = ("office-2f", "office-3f", "warehouse")


async def submit_print(request):
    data = await request.post()
    printer = data.get("printer", "office-2f")
    if printer not in PRINTERS:  # safe: allow-list guard
        raise web.HTTPBadRequest(text="unknown printer")
    upload = data["document"]
    copies = int(data.get("copies", "1"))
    print_document(printer, upload.file.read(), copies)
    return web.json_response({"queued": True, "printer": printer})
