from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/pixel.gif")
def tracking_pixel(source: str = "direct"):
    source = source.replace("\r", "").replace("\n", "")  # safe: CR and LF removed
    gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    return Response(content=gif, media_type="image/gif", headers={"X-Source": source})
