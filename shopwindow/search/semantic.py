"""Semantic retrieval: records found by what they are about, not only by the words they share.

A static embedding model that a package ships with its weights (WordLlama's `l2_supercat`,
256 dimensions, 16 MB, in the `wordllama` wheel) turns text into a vector by averaging its
tokens' vectors; nothing is downloaded, ever (`disable_download=True`, and the loader is pointed
at the package's own folder). A record's vector is a weighted mean of its fields' vectors
(title, summary, problem and approach, lessons, labels), so a long body cannot drown the title.

Vectors live in the database (`search_embedding`, written with the document), as 256 int8 codes
and a scale. Each server process keeps them as one int8 matrix (26 MB at 100,000 records) that
it reloads when the index version changes; a search multiplies it by the query's vector in
chunks (about 15 ms at 100,000 records on the development machine).
"""

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from django.db import connection
from numpy.typing import NDArray

DIMENSIONS = 256
# How much each field counts in a record's vector (the fields are embedded one by one).
FIELD_WEIGHTS = {"title": 2.0, "summary": 2.0, "body": 1.0, "lessons": 0.5, "labels": 2.0}
CHUNK = 8192  # rows converted to float32 at a time: a small temporary, whatever the size

Vectors = NDArray[np.float32]  # float32 vectors: one, or one a row


@cache
def model() -> Any:
    """The embedding model, loaded once per process from the installed package's own files.
    The wheel ships its tokenizer under `tokenizers/` while the loader's first look is under
    `tokenizer/`, so the package folder is passed as the cache folder (its second look)."""
    import wordllama

    folder = Path(wordllama.__file__).resolve().parent
    return wordllama.WordLlama.load(
        config="l2_supercat", dim=DIMENSIONS, cache_dir=folder, disable_download=True
    )


def embed(texts: Sequence[str]) -> Vectors:
    """Unit vectors (float32, one row per text); an empty text gives a zero row."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(model().embed(list(texts), norm=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    units = np.zeros_like(vectors)
    np.divide(vectors, norms, out=units, where=norms > 0)
    return units


def record_vectors(records: Sequence[dict[str, str]]) -> Vectors:
    """Each record's unit vector: the weighted mean of its fields' unit vectors. The fields of
    all the records are embedded in one batch."""
    texts: list[str] = []
    owners: list[tuple[int, float]] = []
    for row, fields in enumerate(records):
        for name, weight in FIELD_WEIGHTS.items():
            if fields.get(name, "").strip():
                texts.append(fields[name])
                owners.append((row, weight))
    means = np.zeros((len(records), DIMENSIONS), dtype=np.float32)
    for (row, weight), vector in zip(owners, embed(texts), strict=True):
        means[row] += weight * vector
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    units = np.zeros_like(means)
    np.divide(means, norms, out=units, where=norms > 0)
    return units


def quantise(vector: Vectors) -> tuple[bytes, float]:
    """int8 codes and the scale that restores the vector (codes × scale)."""
    peak = float(np.abs(vector).max()) if vector.size else 0.0
    scale = peak / 127 if peak else 1.0
    codes = np.clip(np.rint(vector / scale), -127, 127).astype(np.int8)
    return codes.tobytes(), scale


@dataclass
class Matrix:
    version: str
    ids: NDArray[np.int64]  # document ids, one per row
    codes: NDArray[np.int8]  # rows × DIMENSIONS
    scales: Vectors  # one per row

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.codes.nbytes + self.scales.nbytes)

    def similarities(self, query: Vectors) -> Vectors:
        """Cosine similarity of every row to a unit query vector."""
        scores = np.empty(len(self.ids), dtype=np.float32)
        for start in range(0, len(self.ids), CHUNK):
            block = self.codes[start : start + CHUNK].astype(np.float32)
            scores[start : start + CHUNK] = block @ query
        return scores * self.scales


_lock = threading.Lock()
_matrix: Matrix | None = None


def _load(version: str) -> Matrix:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document_id, codes, scale FROM search_embedding ORDER BY document_id"
        )
        rows = cursor.fetchall()
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    codes = np.frombuffer(b"".join(bytes(row[1]) for row in rows), dtype=np.int8)
    scales = np.fromiter((row[2] for row in rows), dtype=np.float32, count=len(rows))
    return Matrix(version, ids, codes.reshape(len(rows), DIMENSIONS), scales)


def matrix(version: str) -> Matrix:
    """This process's matrix for the index version (reloaded when the version changes)."""
    global _matrix
    current = _matrix
    if current is not None and current.version == version:
        return current
    with _lock:
        if _matrix is None or _matrix.version != version:
            _matrix = _load(version)
        return _matrix


def similar(
    vector: Vectors, version: str, *, threshold: float, limit: int
) -> list[tuple[int, float]]:
    """(document id, similarity) of the rows at or above the threshold, best first, at most
    `limit` of them."""
    table = matrix(version)
    if not len(table.ids) or not vector.any():
        return []
    scores = table.similarities(vector)
    above = np.nonzero(scores >= threshold)[0]
    if len(above) > limit:
        above = above[np.argpartition(-scores[above], limit - 1)[:limit]]
    order = above[np.argsort(-scores[above], kind="stable")]
    return [(int(table.ids[i]), float(scores[i])) for i in order]
