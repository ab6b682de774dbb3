"""Uploads refused by size while they stream in, before a byte more than the limit is kept."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class UploadSizeLimit(FileUploadHandler):
    """First of the upload handlers: counts each file's bytes as they arrive and stops the upload past
    MARSAD_MAX_UPLOAD_BYTES (the rest of the request is read and dropped, not stored). The view finds
    ``request.upload_refused`` set to the file's name and says why."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MARSAD_MAX_UPLOAD_BYTES:
            if self.request is not None:
                self.request.upload_refused = self.file_name
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        del file_size
        return None  # the next handler (memory or temporary file) keeps the file
