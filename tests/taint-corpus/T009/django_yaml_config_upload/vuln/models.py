from django.db import models


class Pipeline(models.Model):
    name = models.CharField(max_length=100)
    steps = models.JSONField(default=list)
