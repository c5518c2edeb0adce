"""The element rows of the cleaning table, judged once per list of pieces.

A piece goes for its container (a block rule of
:data:`~articlekit.rules.CLEANING_RULES`: teaser cards, captions, author
bios; related-story, share, newsletter and comment boxes that hold less than
half the lines), or when it is one link from end to end (a teaser). Whether a
container is a minority box, and whether it holds most of the text (then it
is the article, whatever its name), depends on the list the piece is judged
in, and so does whether the captions hold most of the text (then they are
a gallery's story and stay), so a list is judged as a whole: :func:`judge`
gives one verdict per piece.

The body stage judges the lists it weighs (trafilatura's, the marked
container's, the second opinion's) and decides with the pieces kept; it hands
the chosen list on with its verdicts (:class:`Judged`), and the cleaning stage
applies them. So each list is judged once, and the cleaning stage is the one
place where lines are dropped.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from lxml import html

from ..article import Removal
from ..pieces import Piece
from ..rules import (
    BLOCK_RULE_MAX_ANCESTORS,
    BLOCK_RULE_MINORITY_SHARE,
    LINK_LINE_MIN_WORDS,
    LINK_LINE_SAME_PAGE_PREFIXES,
    LINK_LINE_TAGS,
    BlockRule,
    element_rows,
)
from ._common import match_key

__all__ = [
    "ELEMENT_RULES",
    "LINK_LINE",
    "MAIN_TEXT_SHARE",
    "Judged",
    "Rejection",
    "is_link_line",
    "judge",
    "own_rule",
]

#: The element rows of the cleaning table, in its order.
ELEMENT_RULES: tuple[BlockRule, ...] = element_rows()
#: A box holding more than this share of the extracted text's characters is
#: never removed by a block rule, whatever its class: it is the article.
MAIN_TEXT_SHARE = 0.5
#: The rule id of a line that is one link to another page.
LINK_LINE = "link-line"
_LINK_LINE_REASON = "a line that is one link to another page: a teaser"
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an element row drops a piece: the rule's id and reason, and where
    the piece stood in the list it was judged in."""

    rule: str
    reason: str
    #: Removals are recorded in this order, the order of the judged list,
    #: wherever the pieces added around the rejected one have moved it.
    order: int = 0


def own_rules(
    node: html.HtmlElement, minority: bool, rules: Sequence[BlockRule] = ELEMENT_RULES
) -> tuple[BlockRule, ...]:
    """The rules whose element test ``node`` itself (not its ancestors)
    passes, in table order; ``minority``: the node holds few of the lines."""
    label = f"{node.get('class') or ''} {node.get('id') or ''}"
    found: list[BlockRule] = []
    for rule in rules:
        if rule.minority_only and not minority:
            continue
        if node.tag in rule.inside_tags or (
            rule.container is not None and label != " " and rule.container.search(label)
        ):
            if rule.text is None and not found:
                return (rule,)  # an element test alone decides: no later row is needed
            found.append(rule)
    return tuple(found)


def own_rule(node: html.HtmlElement, minority: bool) -> BlockRule | None:
    """The first element-only rule ``node`` itself satisfies (no line to read)."""
    return next((rule for rule in own_rules(node, minority) if rule.text is None), None)


def is_link_line(el: html.HtmlElement, text: str) -> bool:
    """True when ``el`` (collapsed text ``text``) is one link to another page
    from end to end, and long enough to be a headline (see LINK_LINE_TAGS)."""
    if el.tag not in LINK_LINE_TAGS:
        return False
    links = el.findall(".//a")
    if len(links) != 1:
        return False
    target = (links[0].get("href") or "").strip()
    if not target or target.startswith(LINK_LINE_SAME_PAGE_PREFIXES):
        return False
    return (
        match_key(links[0].text_content()) == text
        and len(_WORD.findall(text)) >= LINK_LINE_MIN_WORDS
    )


@dataclass(slots=True)
class Judged:
    """A list of pieces and the element rows' verdict on each (None: kept)."""

    pieces: list[Piece]
    verdicts: tuple[Rejection | None, ...]
    #: The pieces kept, in order; built once, so a caller may compare it by identity.
    kept: list[Piece] = field(init=False)

    def __post_init__(self) -> None:
        self.kept = [p for p, v in zip(self.pieces, self.verdicts, strict=True) if v is None]

    @classmethod
    def unjudged(cls, pieces: Sequence[Piece]) -> Judged:
        """``pieces``, every one kept (element rows off)."""
        return cls(list(pieces), (None,) * len(pieces))

    def removals(self, stage: str) -> list[Removal]:
        """A removal, under ``stage``, for each rejected piece, in the order
        of the list it was judged in."""
        rejected = [
            (v, p) for p, v in zip(self.pieces, self.verdicts, strict=True) if v is not None
        ]
        rejected.sort(key=lambda item: item[0].order)
        return [
            Removal(stage=stage, rule=v.rule, text=p.text, reason=v.reason) for v, p in rejected
        ]

    def around(self, final: Sequence[Piece]) -> Judged:
        """``final`` (the kept pieces, with others added among them: split-body
        paragraphs, figures, a lede) with the rejected pieces put back, each
        after the kept piece it followed; the added pieces are kept."""
        following: dict[int | None, list[tuple[Piece, Rejection]]] = {}
        anchor: int | None = None
        for piece, verdict in zip(self.pieces, self.verdicts, strict=True):
            if verdict is None:
                anchor = id(piece)
            else:
                following.setdefault(anchor, []).append((piece, verdict))
        pieces: list[Piece] = []
        verdicts: list[Rejection | None] = []

        def put(placed: list[tuple[Piece, Rejection]]) -> None:
            for piece, verdict in placed:
                pieces.append(piece)
                verdicts.append(verdict)

        put(following.pop(None, []))
        for piece in final:
            pieces.append(piece)
            verdicts.append(None)
            put(following.pop(id(piece), []))
        for rest in following.values():  # a kept piece the later steps replaced
            put(rest)
        return Judged(pieces, tuple(verdicts))


def _rule_for(
    el: html.HtmlElement,
    text: str,
    memo: dict[html.HtmlElement, tuple[BlockRule, ...]],
    held: Counter[html.HtmlElement],
    least_lines: float,
    main_text: set[html.HtmlElement],
    rules: Sequence[BlockRule],
) -> BlockRule | None:
    node: html.HtmlElement | None = el
    for _ in range(BLOCK_RULE_MAX_ANCESTORS):
        if node is None:
            return None
        passed = memo.get(node)
        if passed is None:  # lines of one article share most ancestors
            # The guard: whatever its name, the box that holds most of the
            # text is the article's (a site that wraps its story in a link,
            # or names its wrapper "caption").
            minority = held[node] < least_lines
            passed = memo[node] = () if node in main_text else own_rules(node, minority, rules)
        for rule in passed:
            if rule.text is None or rule.text.fullmatch(text):
                return rule
        node = node.getparent()
    return None


def judge(pieces: Sequence[Piece], rules: Sequence[BlockRule] = ELEMENT_RULES) -> Judged:
    """The element rows' verdict on each of ``pieces``, judged as one list
    (``rules``: the element rows to apply, by default the cleaning table's)."""
    verdicts: list[Rejection | None] = []
    memo: dict[html.HtmlElement, tuple[BlockRule, ...]] = {}
    # How many pieces each element a rule may look at holds (minority_only).
    held: Counter[html.HtmlElement] = Counter()
    chars: Counter[html.HtmlElement] = Counter()
    for piece in pieces:
        el = piece.element
        if el is not None:
            around = [el, *itertools.islice(el.iterancestors(), BLOCK_RULE_MAX_ANCESTORS - 1)]
            held.update(around)
            chars.update(dict.fromkeys(around, len(piece.text)))
    least_lines = BLOCK_RULE_MINORITY_SHARE * len(pieces)
    total = sum(len(piece.text) for piece in pieces)
    main_text = {node for node, n in chars.items() if n > MAIN_TEXT_SHARE * total}
    for order, piece in enumerate(pieces):
        el = piece.element
        if el is None:
            verdicts.append(None)
            continue
        rule = _rule_for(el, piece.text, memo, held, least_lines, main_text, rules)
        if rule is not None:
            verdicts.append(Rejection(rule.id, rule.reason, order))
        elif is_link_line(el, match_key(piece.text)):
            verdicts.append(Rejection(LINK_LINE, _LINK_LINE_REASON, order))
        else:
            verdicts.append(None)
    return Judged(list(pieces), tuple(_stood_down(pieces, verdicts, rules, total)))


def _stood_down(
    pieces: Sequence[Piece],
    verdicts: list[Rejection | None],
    rules: Sequence[BlockRule],
    total: int,
) -> list[Rejection | None]:
    """``verdicts`` without those of a ``stands_down_on_most`` rule whose
    lines hold more than ``MAIN_TEXT_SHARE`` of the list's characters."""
    dropped: Counter[str] = Counter()
    for piece, verdict in zip(pieces, verdicts, strict=True):
        if verdict is not None:
            dropped[verdict.rule] += len(piece.text)
    standing_down = {
        rule.id
        for rule in rules
        if rule.stands_down_on_most and dropped[rule.id] > MAIN_TEXT_SHARE * total
    }
    if not standing_down:
        return verdicts
    return [None if v is not None and v.rule in standing_down else v for v in verdicts]
