"""The public surface is explicit: every module lists its exports, sorted, and they exist."""

from __future__ import annotations

import importlib
import pkgutil

import newsprism


def _modules():
    for info in pkgutil.walk_packages(newsprism.__path__, "newsprism."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        yield importlib.import_module(info.name)


def test_every_public_module_declares_a_sorted_all():
    for module in _modules():
        if module.__file__.endswith("__init__.py") and not hasattr(module, "__all__"):
            continue  # a subpackage that only groups modules
        assert hasattr(module, "__all__"), f"{module.__name__} has no __all__"
        names = list(module.__all__)
        assert names == sorted(names), f"{module.__name__}.__all__ is not sorted"
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.__all__ lists missing {name}"


def test_top_level_exports():
    assert newsprism.__all__ == sorted(newsprism.__all__)
    for name in ("Prism", "Settings", "Article", "Story", "Finding"):
        assert name in newsprism.__all__
