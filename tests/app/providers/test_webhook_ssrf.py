"""The SSRF guard: which webhook URLs and resolved addresses are refused."""

from __future__ import annotations

import asyncio

import pytest

from app.providers.webhook.ssrf import BlockedUrl, Target, address_allowed, check_url


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
                                     "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "::ffff:192.168.0.1", "224.0.0.1", "not-an-ip"])
def test_non_global_addresses_are_refused(address) -> None:
    assert address_allowed(address) is False


@pytest.mark.parametrize("address", ["8.8.8.8", "77.88.8.8", "2a02:6b8::feed:0ff", "::ffff:8.8.8.8"])
def test_global_addresses_pass(address) -> None:
    assert address_allowed(address) is True


def test_allow_local_network_lifts_the_address_rule() -> None:
    assert address_allowed("192.168.1.10", allow_local=True) and address_allowed("::1", allow_local=True)


def _check(url: str, addresses: list[str], **kwargs: bool) -> Target:
    async def resolver(host, port) -> list[str]:
        return addresses
    return asyncio.run(check_url(url, resolver=resolver, **kwargs))


def test_every_resolved_address_must_be_global() -> None:
    with pytest.raises(BlockedUrl, match="192.168.0.7"):
        _check("https://crm.example/hook", ["93.184.216.34", "192.168.0.7"])
    target = _check("https://crm.example/hook?a=1", ["93.184.216.34"])
    assert (target.host, target.address, target.connect_url) == ("crm.example", "93.184.216.34",
                                                                 "https://93.184.216.34/hook?a=1")


def test_ipv6_target_is_bracketed() -> None:
    target = _check("https://crm.example:443/h", ["2a02:6b8::feed:0ff"])
    assert target.connect_url == "https://[2a02:6b8::feed:0ff]:443/h"


@pytest.mark.parametrize(("url", "reason"), [
    ("ftp://crm.example/x", "https://"), ("file:///etc/passwd", "https://"), ("https:///nohost", "no host"),
    ("https://crm.example:8443/x", "port 8443"), ("http://127.0.0.1/x", "private or local"),
    ("http://[::ffff:127.0.0.1]/x", "private or local"), ("http://0x7f000001/x", "resolve")])
def test_bad_urls(url, reason) -> None:
    async def resolver(host, port) -> list[str]:
        raise OSError("Name or service not known")
    with pytest.raises(BlockedUrl, match=reason):
        asyncio.run(check_url(url, resolver=resolver))


def test_other_ports_only_with_local_network_allowed() -> None:
    assert _check("https://crm.example:8443/x", ["10.0.0.2"], allow_local=True).connect_url == "https://10.0.0.2:8443/x"


def test_unresolvable_host_is_blocked_with_reason() -> None:
    async def resolver(host, port) -> list[str]:
        raise OSError("Name or service not known")
    with pytest.raises(BlockedUrl, match="cannot resolve"):
        asyncio.run(check_url("https://nowhere.invalid/x", resolver=resolver))


def test_refusal_text_hides_tokens_in_the_url() -> None:
    with pytest.raises(BlockedUrl) as info:
        asyncio.run(check_url("ftp://user:pw@crm.example/x?token=SECRET"))
    assert "SECRET" not in str(info.value) and "pw" not in str(info.value) and "crm.example/x" in str(info.value)
