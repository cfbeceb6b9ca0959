"""Editing a designer document's block tree: find, insert, remove, move (top level and columns)."""

from __future__ import annotations

from typing import Any

from app.templates.document import DocumentError, iter_blocks

__all__ = ["find_block", "insert_block", "move_block", "remove_block"]


def _container(doc: dict[str, Any], parent_id: str | None, column: int) -> list[dict[str, Any]]:
    if parent_id is None:
        return doc.setdefault("blocks", [])
    for block in iter_blocks(doc.get("blocks", [])):
        if block.get("id") == parent_id:
            if block.get("kind") != "columns" or not 0 <= column < len(block.get("columns", [])):
                raise DocumentError(f"block {parent_id!r} has no column {column + 1}", block_id=parent_id)
            return block["columns"][column]
    raise DocumentError(f"no block {parent_id!r}", block_id=parent_id)


def find_block(doc: dict[str, Any], block_id: str) -> tuple[list[dict[str, Any]], int]:
    """(the list holding the block, its index): top level or a column of a columns block."""
    lists = [doc.get("blocks", [])]
    while lists:
        blocks = lists.pop()
        for index, block in enumerate(blocks):
            if block.get("id") == block_id:
                return blocks, index
            if block.get("kind") == "columns":
                lists.extend(block.get("columns", []))
    raise DocumentError(f"no block {block_id!r}", block_id=block_id)


def insert_block(doc: dict[str, Any], block: dict[str, Any], index: int | None = None, *,
                 parent_id: str | None = None, column: int = 0) -> dict[str, Any]:
    """Insert `block` at `index` (end when None) of the top level or of column `column` of `parent_id`."""
    if parent_id is not None and block.get("kind") == "columns":
        raise DocumentError("columns cannot be nested inside columns", block_id=block.get("id"))
    target = _container(doc, parent_id, column)
    target.insert(len(target) if index is None else max(0, min(index, len(target))), block)
    return block


def remove_block(doc: dict[str, Any], block_id: str) -> dict[str, Any]:
    """Remove and return the block (wherever it is)."""
    blocks, index = find_block(doc, block_id)
    return blocks.pop(index)


def move_block(doc: dict[str, Any], block_id: str, index: int, *, parent_id: str | None = None,
               column: int = 0) -> None:
    """Move a block to `index` in the target list (indexes as they are after removing the block)."""
    blocks, old_index = find_block(doc, block_id)
    block = blocks.pop(old_index)
    try:
        insert_block(doc, block, index, parent_id=parent_id, column=column)
    except DocumentError:
        blocks.insert(old_index, block)  # a refused move changes nothing
        raise
