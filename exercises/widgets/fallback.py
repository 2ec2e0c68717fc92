"""A mixin that offers plain HTML beside a widget, for the course website."""

from __future__ import annotations

from typing import Any


class StaticFallback:
    """Adds ``text/html`` to a widget's display data.

    Jupyter front ends draw the live widget; the website build prefers the HTML
    (``nb_mime_priority_overrides`` in ``_config.yml``), so its pages need no widget
    JavaScript.
    """

    def static_html(self) -> str:  # pragma: no cover - every user defines it
        """The HTML the website shows in place of the widget."""
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: object) -> dict[str, Any] | None:
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if isinstance(bundle, dict):
            bundle["text/html"] = self.static_html()
            return bundle
        return None
