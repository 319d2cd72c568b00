"""Fetching URLs politely: a client passed in, timeouts, a size limit, conditional GET.

A :class:`Fetcher` wraps an ``httpx.Client`` that the caller owns (tests pass one with an
``httpx.MockTransport``; :func:`make_client` builds the default one). It

* waits ``min_delay`` seconds between two requests to the same host, and longer when a host
  answered 429/503 with ``Retry-After`` (a wait over ``max_wait`` fails the URL instead);
* sends ``If-None-Match`` / ``If-Modified-Since`` from the ETag and Last-Modified of the last
  successful fetch of the same URL, and returns None on ``304 Not Modified``;
* refuses a response over ``max_bytes`` (declared or as it streams in, after decompression);
* turns every HTTP or network problem into an InputError naming the URL (``http``,
  ``network``, ``too-large``, ``unreadable``).

What must outlive one run lives in a :class:`FetchState` that the caller persists
(``FetchState.load(path)`` / ``state.save(path)``): validators per URL and the time of the
last request per host, in seconds since the epoch. A Fetcher made without a state still
shares per-host times with every other such Fetcher of the process (but no validators).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from marsad import __version__
from marsad.errors import TooLargeError, UnreadableError
from marsad.ingest.base import SourceError

USER_AGENT = f"marsad/{__version__} (Arabic news archive; polite crawler)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
          "text/html;q=0.9, application/json;q=0.8, */*;q=0.5")


@dataclass
class FetchState:
    """Conditional-GET validators per URL and the last request time per host."""

    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    last_request: dict[str, float] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "validators": self.validators,
                "last_request": self.last_request, "not_before": self.not_before}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FetchState:
        return cls(
            validators={str(k): dict(v) for k, v in dict(data.get("validators", {})).items()},
            last_request={str(k): float(v) for k, v in dict(data.get("last_request", {})).items()},
            not_before={str(k): float(v) for k, v in dict(data.get("not_before", {})).items()},
        )

    @classmethod
    def load(cls, path: str | Path) -> FetchState:
        """The state saved at ``path``; a new one when there is no file yet."""
        from marsad.errors import ConfigError

        p = Path(path)
        if not p.exists():
            return cls()
        try:
            return cls.from_dict(json.loads(p.read_text(encoding="utf-8")))
        except (ValueError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{path}: not a marsad fetch state file ({exc})") from None

    def save(self, path: str | Path) -> None:
        """Write the state to ``path`` atomically (a temporary file renamed over it)."""
        p = Path(path)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, p)


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL (after redirects), its type and its bytes."""

    url: str
    requested: str
    status: int
    content_type: str
    data: bytes
    fetched: datetime


def make_client(timeout: float = 20.0) -> Any:
    """The default ``httpx.Client``: timeouts, redirects followed, marsad's User-Agent."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        limits=httpx.Limits(max_connections=4),
    )


class Fetcher:
    """GET with politeness, validators and a size limit (see the module docstring)."""

    def __init__(
        self,
        client: Any,
        state: FetchState | None = None,
        *,
        timeout: float = 20.0,
        min_delay: float = 1.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_wait: float = 60.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.state = state if state is not None else _process_state()
        self.timeout = timeout
        self.min_delay = min_delay
        self.max_bytes = max_bytes
        self.max_wait = max_wait
        self.clock = clock
        self.sleep = sleep

    def get(self, url: str, *, conditional: bool = True) -> Fetched | None:
        """The response to GET ``url``, or None when the server says it has not changed."""
        import httpx

        host = _host(url)
        self._wait(url, host)
        headers = self._validators(url) if conditional else {}
        try:
            with self.client.stream("GET", url, headers=headers, timeout=self.timeout,
                                    follow_redirects=True) as response:
                return self._read(url, host, response)
        except httpx.TimeoutException:
            raise SourceError(url, f"timed out (limit {self.timeout:g} s)", "network") from None
        except httpx.TooManyRedirects:
            raise SourceError(url, "too many redirects", "network") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise UnreadableError(url, f"not a URL marsad can fetch ({exc})") from None
        except httpx.HTTPError as exc:
            raise SourceError(url, f"{type(exc).__name__}: {exc}", "network") from None
        finally:
            self.state.last_request[host] = self.clock()

    def _wait(self, url: str, host: str) -> None:
        now = self.clock()
        ready = max(self.state.last_request.get(host, 0.0) + self.min_delay,
                    self.state.not_before.get(host, 0.0))
        if ready - now > self.max_wait:
            when = datetime.fromtimestamp(ready, tz=timezone.utc).isoformat(timespec="seconds")
            raise SourceError(url, f"{host} asked not to be fetched before {when} (Retry-After)",
                              "http")
        if ready > now:
            self.sleep(ready - now)

    def _validators(self, url: str) -> dict[str, str]:
        saved = self.state.validators.get(url, {})
        headers = {}
        if saved.get("etag"):
            headers["If-None-Match"] = saved["etag"]
        if saved.get("last_modified"):
            headers["If-Modified-Since"] = saved["last_modified"]
        return headers

    def _read(self, url: str, host: str, response: Any) -> Fetched | None:
        status = response.status_code
        if status == 304:
            return None
        if status >= 400:
            self._retry_after(host, status, response.headers.get("retry-after"))
            raise SourceError(url, f"HTTP {status} {response.reason_phrase}".strip(), "http")
        if status >= 300:
            raise SourceError(url, f"HTTP {status}: redirect not followed", "http")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLargeError(url, f"response of {int(declared) / 1e6:.1f} MB is over the "
                                     f"{self.max_bytes / 1e6:.1f} MB limit of one input")
        data = bytearray()
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > self.max_bytes:
                raise TooLargeError(url, f"response over the {self.max_bytes / 1e6:.1f} MB "
                                         "limit of one input (stopped reading)")
        self._remember(url, response.headers)
        return Fetched(
            url=str(response.url), requested=url, status=status,
            content_type=response.headers.get("content-type", ""), data=bytes(data),
            fetched=datetime.fromtimestamp(self.clock(), tz=timezone.utc),
        )

    def _remember(self, url: str, headers: Any) -> None:
        saved = {k: v for k, v in (("etag", headers.get("etag")),
                                   ("last_modified", headers.get("last-modified"))) if v}
        if saved:
            self.state.validators[url] = saved
        else:
            self.state.validators.pop(url, None)

    def _retry_after(self, host: str, status: int, value: str | None) -> None:
        if status not in (429, 503) or not value:
            return
        value = value.strip()
        if value.isdigit():
            until = self.clock() + min(float(value), 86400.0)
        else:
            try:
                until = parsedate_to_datetime(value).timestamp()
            except (TypeError, ValueError):
                return
        self.state.not_before[host] = until


#: per-host request times shared by every Fetcher made without a state, so that politeness
#: holds across calls in one process even when the caller keeps no state.
_HOSTS: dict[str, float] = {}
_NOT_BEFORE: dict[str, float] = {}


def _process_state() -> FetchState:
    """A fresh state (no validators) whose per-host times are the process's."""
    return FetchState(last_request=_HOSTS, not_before=_NOT_BEFORE)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))
