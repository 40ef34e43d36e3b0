"""Where one item's clues end and the next item's begin, in PDF-stream text.

Between two headings the clues run in stream order; some belong to the
heading above, the rest (printed before their own heading, FORMS §5.3) to the
heading below. So each gap between headings is cut at one point. Clues on a
page before the lower heading's page always go up; the cut chooses among the
rest. The form's logic picks the cut: an item prints each label once and
selects each choice once, so a cut that gives an item a field twice is
impossible. The cuts of all gaps are chosen together (a chain: item k is made
of the tail of gap k and the head of gap k+1), keeping every cut that some
consistent reading of the whole chain allows. A gap with one possible cut is
certain; when several remain, the clues between the lowest and highest cut
could be either item's and are left unplaced.

An item no cut can make consistent (its page interleaves several items,
§5.4) constrains nothing; the caller pools its page.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Splits:
    owners: list[int | None]  # per clue: the heading's position in ``heads`` order, None when unplaced
    broken: frozenset[int]  # items no cut made consistent


def _gaps(head_at: Sequence[int], clue_at: Sequence[int]) -> list[list[int]]:
    """Clue positions per gap: before the first heading, between headings, after the last."""
    gaps: list[list[int]] = [[] for _ in range(len(head_at) + 1)]
    k = 0
    for n, index in enumerate(clue_at):
        while k < len(head_at) and head_at[k] < index:
            k += 1
        gaps[k].append(n)
    return gaps


def split_clues(
    head_pages: Sequence[int],
    head_at: Sequence[int],
    clue_pages: Sequence[int],
    clue_at: Sequence[int],
    keys: Sequence[Hashable],
    fits: Callable[[int, int], bool],
) -> Splits:
    """Owners of the clues (sorted by line) among the headings (sorted by line).

    ``keys[n]`` is what may occur once per item; ``fits(k, n)`` whether clue n
    can belong to heading k at all (a label naming the other kind cannot).
    """
    n_heads = len(head_at)
    owners: list[int | None] = [None] * len(clue_at)
    if not n_heads:
        return Splits(owners, frozenset())
    gaps = _gaps(head_at, clue_at)
    # Gap g lies above heading g; its clues[:cut] go to heading g-1 (none for g = 0), clues[cut:] to heading g.
    allowed: list[range] = []
    for g, gap in enumerate(gaps):
        if g == n_heads:
            allowed.append(range(len(gap), len(gap) + 1))
            continue
        forced = sum(1 for n in gap if clue_pages[n] != head_pages[g])
        allowed.append(range(forced, len(gap) + 1))

    def bottoms(k: int, top: int) -> set[int]:
        """The cuts of gap k+1 that keep item k consistent, given cut ``top`` of gap k."""
        seen: set[Hashable] = set()
        for n in gaps[k][top:]:
            if keys[n] in seen or not fits(k, n):
                return set()
            seen.add(keys[n])
        ok = set()
        below = gaps[k + 1]
        for bottom in range(len(below) + 1):
            if bottom:
                n = below[bottom - 1]
                if keys[n] in seen or not fits(k, n):
                    break  # a longer head of the gap below only adds the clash
                seen.add(keys[n])
            if bottom in allowed[k + 1]:
                ok.add(bottom)
        return ok

    reach: list[set[int]] = [set(allowed[0])]
    edges: list[dict[int, set[int]]] = []
    broken: set[int] = set()
    for k in range(n_heads):
        step: dict[int, set[int]] = {}
        for top in reach[k]:
            ok = bottoms(k, top)
            if ok:
                step[top] = ok
        if not step:
            broken.add(k)
            step = {top: set(allowed[k + 1]) for top in reach[k]}
        edges.append(step)
        reach.append(set().union(*step.values()))
    live: list[set[int]] = [set() for _ in range(n_heads + 1)]
    live[n_heads] = reach[n_heads]
    for k in range(n_heads - 1, -1, -1):
        live[k] = {top for top, below in edges[k].items() if below & live[k + 1]}
    # Clues before the first heading on its page are its own unless that is inconsistent: the
    # lowest live cut of gap 0, and only the cuts below that agree with it.
    if live[0]:
        live[0] = {min(live[0])}
    for k in range(n_heads):
        live[k + 1] &= set().union(*(edges[k].get(top, set()) for top in live[k]))
    for g, gap in enumerate(gaps):
        if not live[g]:
            continue
        low, high = min(live[g]), max(live[g])
        for pos, n in enumerate(gap):
            if pos < low and g > 0:
                owners[n] = g - 1
            elif pos >= high and g < n_heads:
                owners[n] = g
    return Splits(owners, frozenset(broken))
