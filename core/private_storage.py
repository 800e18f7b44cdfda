"""Files no visitor may ever fetch (signed consents): on disk outside MEDIA_ROOT, no URL."""

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("Private files have no URL: staff download them through a view.")
