"""A Chromium view for letters that runs no JavaScript and loads nothing from the network.

Opening a preview must not fire tracking pixels or reach local files (reliability §4.2):
JavaScript is off, local content may not reach remote or file URLs, every request whose
scheme is not `data:`/`about:` is blocked by an interceptor, and link clicks do not navigate.
The views use an off-the-record profile, so nothing is cached or stored on disk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

__all__ = ["ALLOWED_SCHEMES", "BlockingInterceptor", "SafePage", "SafeWebView", "preview_profile"]

ALLOWED_SCHEMES = frozenset({"data", "about"})


class BlockingInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request but `data:`/`about:`; remembers what it blocked (shown as a note).

    Attributes:
        blocked: the URLs refused since the last `reset()`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        """Refuse anything that would leave the page."""
        url = info.requestUrl()
        if url.scheme().lower() not in ALLOWED_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())

    def reset(self) -> None:
        """Forget the blocked URLs (a new letter is about to load)."""
        self.blocked.clear()


class SafePage(QWebEnginePage):
    """A page that never navigates away from the letter it was given."""

    def acceptNavigationRequest(self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType,  # noqa: N802
                                is_main_frame: bool) -> bool:
        """Only the letter itself (a data: URL) may load; link clicks and redirects stay put."""
        scheme = QUrl(url).scheme().lower() if isinstance(url, str) else url.scheme().lower()
        return scheme in ALLOWED_SCHEMES and nav_type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked


_profile: QWebEngineProfile | None = None


def preview_profile() -> QWebEngineProfile:
    """The previews' profile: off the record (memory cache, no cookies kept, nothing on disk).

    Qt's default profile is off the record and is torn down by Qt after every page; a
    private one, owned by the application object, is made only if that ever changes.
    """
    global _profile
    default = QWebEngineProfile.defaultProfile()
    if default.isOffTheRecord():
        return default
    if _profile is None:
        _profile = QWebEngineProfile(QCoreApplication.instance())
        _profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        _profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    return _profile


class SafeWebView(QWebEngineView):
    """A QWebEngineView locked down for showing untrusted letters.

    Attributes:
        interceptor: this view's page's BlockingInterceptor.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.interceptor = BlockingInterceptor(self)
        page = SafePage(preview_profile(), self)
        page.setUrlRequestInterceptor(self.interceptor)
        settings = page.settings()
        attr = QWebEngineSettings.WebAttribute
        for attribute, value in (
            (attr.JavascriptEnabled, False),
            (attr.LocalContentCanAccessRemoteUrls, False),
            (attr.LocalContentCanAccessFileUrls, False),
            (attr.PluginsEnabled, False),
            (attr.AutoLoadIconsForPage, False),
            (attr.DnsPrefetchEnabled, False),
            (attr.NavigateOnDropEnabled, False),
            (attr.JavascriptCanOpenWindows, False),
            (attr.PdfViewerEnabled, False),
        ):
            settings.setAttribute(attribute, value)
        self.setPage(page)
        self.setAcceptDrops(False)

    def show_letter(self, html: str) -> None:
        """Display `html` (a whole letter); nothing it references outside itself is fetched."""
        self.interceptor.reset()
        # A data: base URL: relative links resolve to nothing fetchable.
        self.setHtml(html, QUrl("data:text/html,"))
