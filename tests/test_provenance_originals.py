"""Choosing the original of a group of linked articles, with and without publication dates."""

from __future__ import annotations

import pytest

from newsprism.model import Link, LinkKind
from newsprism.provenance import find_originals

pytestmark = pytest.mark.issue(5)


def link(copy: str, source: str, direction: str = "", kind: LinkKind = LinkKind.REWRITE) -> Link:
    return Link(copy, source, kind, 0.9, "aligned", (), direction)


def test_earliest_published_member_is_the_original() -> None:
    links = [link("b", "a"), link("c", "b")]
    published = {"a": "2022-07-19", "b": "2022-07-18", "c": "2022-07-20"}
    (group,) = find_originals(published, links, ["a", "b", "c"])
    assert group.original_id == "b"
    assert set(group.member_ids) == {"a", "b", "c"}
    assert "2022-07-18" in group.reason


def test_without_dates_the_source_of_the_derivations_is_the_original_with_the_evidence() -> None:
    # c was ingested first, but both others derive from a, and the links say why.
    links = [
        link("b", "a", "the copy adds 2 promotion lines, 1 caption the other lacks"),
        link("c", "a", "the copy is a subset: every sentence of it is in the other, which has 4 more"),
    ]
    (group,) = find_originals({}, links, ["c", "b", "a"])
    assert group.original_id == "a"
    assert "2 article(s) derive from it" in group.reason
    assert "promotion" in group.reason and "subset" in group.reason


def test_without_dates_a_copy_of_a_copy_points_back_to_the_first_source() -> None:
    links = [link("b", "a", "the copy adds 1 caption the other lacks"), link("c", "b", "the copy is a subset")]
    (group,) = find_originals({}, links, ["b", "c", "a"])
    assert group.original_id == "a"


def test_separate_groups_stay_separate_and_unlinked_articles_are_not_groups() -> None:
    links = [link("b", "a", kind=LinkKind.DUPLICATE), link("y", "x", kind=LinkKind.TRANSLATION)]
    groups = find_originals({}, links, ["a", "b", "x", "y", "z"])
    assert [(g.original_id, g.member_ids) for g in groups] == [("a", ("a", "b")), ("x", ("x", "y"))]


def test_no_evidence_and_no_dates_falls_back_to_the_first_seen() -> None:
    (group,) = find_originals({}, [link("a", "b"), link("b", "a")], ["b", "a"])
    assert group.original_id == "b"
