"""Rows <-> pandas frames, for both engines (Spark's vectorised UDFs and Dask's
partitions hand pandas frames). Imported only by :mod:`articlekit.spark` and
:mod:`articlekit.dask`: articlekit itself never needs pandas.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ._rows import FIELDS, FieldKind

COLUMNS = [name for name, _kind in FIELDS]

#: pandas dtypes of the row fields (lists and structs stay Python objects).
_DTYPES: dict[FieldKind, str] = {
    "string": "object",
    "strings": "object",
    "timestamp": "datetime64[ns, UTC]",
    "long": "Int64",
    "double": "float64",
    "removals": "object",
    "error": "object",
}


def rows_to_frame(rows: Sequence[dict[str, Any]], index: Any = None) -> pd.DataFrame:
    """A frame of rows, one column per field, with the field kinds' dtypes."""
    frame = pd.DataFrame.from_records(list(rows), columns=COLUMNS)
    for name, kind in FIELDS:
        if kind == "timestamp":
            frame[name] = pd.to_datetime(frame[name], utc=True)
        elif _DTYPES[kind] != "object":
            frame[name] = frame[name].astype(_DTYPES[kind])
        else:
            frame[name] = frame[name].astype("object")
    if index is not None:
        frame.index = index
    return frame


def empty_frame() -> pd.DataFrame:
    """The zero-row frame of the row fields (Dask's ``meta``)."""
    return rows_to_frame([])


def _scalar(value: Any) -> Any:
    """A frame cell as the Python value a row holds: missing values (NaN, NaT,
    NA) become ``None``, arrays become lists."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (pd.Timestamp, str, bytes)):
        value = value.tolist()  # numpy arrays and numpy scalars
        if isinstance(value, list):
            return [_scalar(v) for v in value]
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    if isinstance(value, dict):
        return {k: _scalar(v) for k, v in value.items()}
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def frame_to_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame (as :func:`rows_to_frame` or an engine built it)."""
    columns = list(frame.columns)
    return [
        {name: _scalar(value) for name, value in zip(columns, values, strict=True)}
        for values in frame.itertuples(index=False, name=None)
    ]
