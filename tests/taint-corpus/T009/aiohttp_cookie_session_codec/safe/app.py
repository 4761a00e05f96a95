from aiohttp import web

from session_codec import decode, encode


async def cart(request):
    raw = request.cookies.get("cart_state")
    state = decode(raw) if raw else {"items": []}
    resp = web.json_response({"items": state.get("items", [])})
    resp.set_cookie("cart_state", encode(state), httponly=True)
    return resp


app = web.Application()
app.router.add_get("/cart", cart)
