"""A vector collection as seen by a process whose approximate (HNSW) graph misses some passages."""

from __future__ import annotations


class LossyGraph:
    """The collection as a process whose approximate graph misses `lost` sees it: its nearest
    neighbour queries never return those passages; every other call is the real collection's."""

    def __init__(self, collection, lost: set[str]):
        self._collection, self._lost = collection, lost

    def __getattr__(self, name):
        return getattr(self._collection, name)

    def query(self, **kw):
        res = self._collection.query(**kw)
        keep = [i for i, cid in enumerate(res["ids"][0]) if cid not in self._lost]
        return {**res, "ids": [[res["ids"][0][i] for i in keep]], "distances": [[res["distances"][0][i] for i in keep]]}
