"""The ``list`` kind's Jupyter control: the rows control the row kinds share."""

from __future__ import annotations

from ..rows_widget import ListControl as ListControl

__all__ = ["ListControl"]
