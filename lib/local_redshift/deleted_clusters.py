"""The clusters and serverless namespaces deleted through the API, as the cluster directory listed them (without
their verifiers). The endpoint deletes the warehouse of each of them and of no other cluster: a cluster missing
from the stand-in for another reason (a state file that could not be restored) keeps its data.

A cluster is taken for deleted when a request to the Redshift or Redshift Serverless API made it leave the
directory: its account, region and creation (a cluster's create time, a namespace's id) are no longer listed. A
renamed cluster keeps its creation, a namespace that loses its workgroup stays listed: neither is deleted.
"""

from __future__ import annotations

import json
import threading
from typing import Any

Entry = dict[str, Any]


def _creation(entry: Entry) -> tuple[str, str, bool, str]:
    return entry["account_id"], entry["region"], bool(entry.get("serverless")), entry["created"]


def _key(entry: Entry) -> tuple[str, str, bool, str, str]:
    """One record per deleted cluster (per namespace, whatever its workgroup's name)."""
    return (*_creation(entry), "" if entry.get("serverless") else entry["identifier"])


class DeletedClusters:
    """The record of deleted clusters, kept by the AWS stand-in (on disk by local_redshift.stand_in_state)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, bool, str, str], Entry] = {}
        self._lock = threading.Lock()

    def note_gone(self, before: list[Entry], after: list[Entry]) -> list[Entry]:
        """Record the clusters of `before` (a directory listing) that `after` no longer lists; those newly recorded."""
        still = {_creation(entry) for entry in after}
        noted = []
        with self._lock:
            for entry in before:
                key = _key(entry)
                if _creation(entry) not in still and key not in self._entries:
                    self._entries[key] = {**entry, "md5_verifier": "", "status": "deleted"}
                    noted.append(self._entries[key])
        return noted

    def entries(self) -> list[Entry]:
        with self._lock:
            return list(self._entries.values())

    def to_json(self) -> bytes:
        return json.dumps(self.entries(), indent=1).encode()

    def load(self, data: bytes) -> None:
        """Add the records of `data` (as `to_json` wrote it); ValueError when it is not such a record."""
        entries = json.loads(data)
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise ValueError("not a list of deleted clusters")
        try:
            keyed = {_key(entry): entry for entry in entries}
        except (KeyError, TypeError) as error:
            raise ValueError(f"a deleted cluster without {error}") from error
        with self._lock:
            self._entries.update(keyed)
