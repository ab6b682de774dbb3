"""One JSON object per log line, for log shippers (journald, Loki, CloudWatch …)."""

import json
import logging
import re

# Marsad's own loggers write "key=value" pairs (e.g. "workflow action=approve incident=IRQ-2025-00001");
# they become fields of the JSON object so that logs can be filtered by action, incident or user.
_PAIR = re.compile(r"(\w+)=(\S+)")
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        message = record.getMessage()
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
        }
        if record.name.startswith("marsad."):
            for key, value in _PAIR.findall(message):
                entry.setdefault(key, None if value == "None" else value)
        for key, value in vars(record).items():  # logger.info(..., extra={...})
            if key not in _STANDARD and not key.startswith("_"):
                entry.setdefault(key, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
