"""Product media: supplier image packs, thumbnails and download links.
Deliberately insecure where marked; each flaw has a safe twin below it."""
import os
import zipfile

import boto3
from PIL import Image

MEDIA_BUCKET = "shop-product-images"
MAX_PACK_BYTES = 200 * 1024 * 1024
MAX_PACK_MEMBERS = 2000

# FLAW: Pillow's decompression-bomb check switched off: a small upload can claim billions of pixels (UP007)
Image.MAX_IMAGE_PIXELS = None

s3 = boto3.client("s3")


def import_image_pack(upload, dest):
    # FLAW: the supplier's zip is extracted whole: a zip bomb fills the disk (UP006)
    with zipfile.ZipFile(upload) as pack:
        pack.extractall(dest)


def safe_import_image_pack(upload, dest):
    # SAFE: members counted and their declared sizes bounded before extracting
    with zipfile.ZipFile(upload) as pack:
        members = pack.infolist()
        if len(members) > MAX_PACK_MEMBERS or sum(m.file_size for m in members) > MAX_PACK_BYTES:
            raise ValueError("image pack too large")
        pack.extractall(dest)


def publish_thumbnail(key, data):
    # FLAW: the object is world-readable, whoever uploaded it (UP009)
    s3.put_object(Bucket=MEDIA_BUCKET, Key=key, Body=data, ACL="public-read")


def safe_publish_thumbnail(key, data):
    # SAFE: private object; readers get a short-lived presigned URL
    s3.put_object(Bucket=MEDIA_BUCKET, Key=key, Body=data)


def invoice_link(key):
    # FLAW: a download link valid for a week: forwarded or logged, it keeps working (UP010)
    return s3.generate_presigned_url("get_object", Params={"Bucket": MEDIA_BUCKET, "Key": key}, ExpiresIn=7 * 24 * 3600)


def safe_invoice_link(key):
    # SAFE: fifteen minutes, enough to start the download
    return s3.generate_presigned_url("get_object", Params={"Bucket": MEDIA_BUCKET, "Key": key}, ExpiresIn=900)


def thumbnail(path):
    with Image.open(os.fspath(path)) as image:
        image.thumbnail((512, 512))
        return image
