"""Third-party integrations of the shop: order SMS (Twilio) and product images
on S3. Deliberately insecure where marked; every credential is fake (random,
in the providers' formats)."""
import os

import boto3
from twilio.rest import Client

TWILIO_ACCOUNT_SID = "AC7bee1afbfa45289e0082c35845235890"
# FLAW: Twilio auth token written into the source: anyone with the code can send SMS on the account (SEC001)
TWILIO_AUTH_TOKEN = "2ff3177e7e8c92637e64b6ba0865ef5a"

# The arguments of boto3.client() for the product-image bucket.
AWS_CREDENTIALS = {
    "region_name": "eu-west-1",
    # FLAW: AWS access key id written into the source (SEC001)
    "aws_access_key_id": "AKIAUGOA4F4HAW3WB5OV",
    # FLAW: AWS secret access key written into the source (SEC001)
    "aws_secret_access_key": "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",
}


def send_order_sms(phone, text):
    client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
    return client.messages.create(to=phone, from_="+15005550006", body=text)


def upload_product_image(name, data):
    s3 = boto3.client("s3", **AWS_CREDENTIALS)
    s3.put_object(Bucket="shop-product-images", Key=name, Body=data)


def safe_send_order_sms(phone, text):
    # SAFE: the account SID and auth token are read from the environment
    client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
    return client.messages.create(to=phone, from_="+15005550006", body=text)


def safe_upload_product_image(name, data):
    # SAFE: boto3 finds the credentials itself (environment, ~/.aws, the instance role)
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    s3.put_object(Bucket="shop-product-images", Key=name, Body=data)
