"""Fetch a page by URL: http(s) only, with a timeout, a size cap and errors an editor can act on."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from annotation.intake.decode import DecodeError, decode_bytes

USER_AGENT = "Marsad/1.0 (+newsroom intake)"


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None

    def text(self) -> str:
        if self.charset:
            try:
                return self.content.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            return decode_bytes(self.content)
        except DecodeError as exc:
            raise FetchError(str(exc))


def check_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(_("Only http:// and https:// addresses can be fetched, not “%(url)s”.") % {"url": url[:200]})
    return url


def refuse_internal(url: str) -> None:
    """Refuse addresses inside the server's network (loopback, private, link-local such as cloud metadata).

    Keeps a compromised or careless editor account from making the server fetch internal services (SSRF).
    MARSAD_FETCH_ALLOW_PRIVATE turns it off (tests fetch from a local server).
    """
    if getattr(settings, "MARSAD_FETCH_ALLOW_PRIVATE", False):
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return  # unresolvable: urlopen reports it as an unreachable site
    for info in infos:
        if not ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_global:
            raise FetchError(_("“%(host)s” is an internal address; only public sites can be fetched.") % {"host": host[:200]})


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to public http(s) addresses."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        refuse_internal(check_url(newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_before(response, *, deadline: float, limit: int, timeout: float) -> bytes:
    """The body, read as it arrives, refused once the overall deadline passes: the socket timeout alone
    restarts with every byte, so a server trickling bytes could hold the fetch for ever."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    chunks, size = [], 0
    while size < limit:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(_("The site did not send the whole page within %(seconds)s seconds.") % {"seconds": timeout})
        if sock is not None:
            sock.settimeout(left)
        chunk = response.read1(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET the URL; FetchError on a bad scheme, network failure, timeout, HTTP error or oversized body."""
    url = check_url(url)
    refuse_internal(url)
    timeout = settings.MARSAD_FETCH_TIMEOUT if timeout is None else timeout
    max_bytes = settings.MARSAD_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    request = urllib.request.Request(  # noqa: S310 — scheme checked above
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    try:
        with urllib.request.build_opener(_CheckedRedirects).open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_("The page is larger than the %(limit)s MB limit.") % {"limit": round(max_bytes / 1_048_576, 1)})
            content = _read_before(response, deadline=time.monotonic() + timeout, limit=max_bytes + 1, timeout=timeout)
            if len(content) > max_bytes:
                raise FetchError(_("The page is larger than the %(limit)s MB limit.") % {"limit": round(max_bytes / 1_048_576, 1)})
            headers: Message = response.headers
            return Fetched(response.geturl(), content, headers.get_content_type(), headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(_("The site answered with HTTP error %(code)s for this address.") % {"code": exc.code})
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(_("The site did not answer within %(seconds)s seconds.") % {"seconds": timeout})
        raise FetchError(
            _("The site could not be reached (%(reason)s). This server may have no internet access: paste the text instead.")
            % {"reason": exc.reason}
        )
    except TimeoutError:
        raise FetchError(_("The site did not answer within %(seconds)s seconds.") % {"seconds": timeout})
    except (OSError, ValueError) as exc:
        raise FetchError(_("The page could not be fetched (%(reason)s).") % {"reason": exc})
