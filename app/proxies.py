"""A warning, once per process, when X-Forwarded-For does not come from where the settings say.

With SOURCEWISE_PROXY_HOPS=0 the header is ignored; with 1 or more it decides every client's
address for the rate limits, which is only safe when a proxy of the school's own writes it.
A request carrying the header straight from a public address means there is no such proxy, and
anyone can pick a new address for each guess.
"""

from __future__ import annotations

import ipaddress

from flask import current_app, request

WARNED = "sourcewise.forwarded_warning"


def _is_public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_global


def warn_about_forwarded_headers() -> None:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.extensions.get(WARNED) or "X-Forwarded-For" not in request.headers:
        return
    hops = int(app.config.get("PROXY_HOPS", 0))
    # ProxyFix keeps the address the request really came from.
    original = request.environ.get("werkzeug.proxy_fix.orig", {}).get(
        "REMOTE_ADDR", request.remote_addr or ""
    )
    if hops and _is_public(original):
        app.extensions[WARNED] = True
        app.logger.warning(
            "A request with X-Forwarded-For came straight from %s, which is not a proxy on the school's "
            "network, while SOURCEWISE_PROXY_HOPS=%d trusts that header: without a proxy in front, "
            "clients can fake their address and dodge every rate limit. Set SOURCEWISE_PROXY_HOPS=0 "
            "unless a proxy you run adds the header.",
            original,
            hops,
        )
    elif not hops:
        app.extensions[WARNED] = True
        app.logger.warning(
            "Requests carry X-Forwarded-For but SOURCEWISE_PROXY_HOPS=0, so every student behind the "
            "proxy shares its address (and its rate limits). If a proxy you run is in front of the app, "
            "set SOURCEWISE_PROXY_HOPS to the number of proxies (usually 1)."
        )
