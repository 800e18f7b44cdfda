"""Uploaded images keep no EXIF (GPS position, camera, time): stripped from the original on
upload, so no rendition made from it can carry any either.

A photo of a missing person is often a family snapshot taken at home: its GPS tags would
publish where the family lives.
"""

import io

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from PIL import Image as PillowImage
from PIL import ImageOps


def without_metadata(data):
    """The image bytes re-saved with no EXIF, XMP or comments; None if there was none."""
    with PillowImage.open(io.BytesIO(data)) as image:
        if not (image.info.get("exif") or image.getexif() or image.info.get("xmp")):
            return None
        fmt = image.format
        # Turned as the camera said before the orientation tag goes with the rest.
        upright = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        options = {"quality": 90} if fmt == "JPEG" else {}
        upright.save(out, format=fmt, **options)
        return out.getvalue(), upright.size


def strip_on_upload(sender, instance, **kwargs):
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return  # not a new upload
    upload.seek(0)
    result = without_metadata(upload.read())
    upload.seek(0)
    if result is None:
        return
    cleaned, (instance.width, instance.height) = result
    instance.file = ContentFile(cleaned, name=upload.name)
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(io.BytesIO(cleaned))


def connect():
    pre_save.connect(strip_on_upload, sender=get_image_model(), dispatch_uid="appeals-strip-exif")
