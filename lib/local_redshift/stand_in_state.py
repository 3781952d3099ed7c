"""The AWS stand-in's state on disk, so that it outlives the process (`local down`, a reboot, `kill -9`).

moto's backends of the services the tutorial uses (EC2, IAM, S3, Redshift) are pickled, one file per account and
region (`<service>/<account>/<region>.pickle`), and Redshift Serverless's namespaces and workgroups in
`redshift-serverless.pickle`: after each request that may change a service, before it is answered, so that an
answered change is on disk. S3 objects are kept one file each (`s3/<account>/<partition>.objects/`), written once
per version, so that an upload costs one file, not the whole bucket. Requests run while holding a shared lock, a
snapshot holds it alone; requests waiting for a snapshot share the next one (group commit).

The record of clusters deleted through the API (local_redshift.deleted_clusters) is kept in
`deleted-clusters.json`, written before the backends it goes with.

Everything is restored, identities included (a cluster's create time, a namespace's id, security group ids), when
the stand-in starts, before it listens. A file that cannot be restored (cut short, garbage, or not what this
version writes) is moved to `damaged/` and named in one sentence in `not-restored.txt`, which `local up` reports;
the stand-in starts without it. The data of clusters it held is kept: the endpoint deletes a cluster's data only
when the record says it was deleted. Files are 0600 (they hold the master passwords) in 0700 folders.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import pickle
import re
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from local_redshift.deleted_clusters import DeletedClusters
from local_redshift.serverless.models import ServerlessBackend
from local_redshift.stand_in_changes import Change

log = logging.getLogger(__name__)

SERVICES = ("ec2", "iam", "s3", "redshift")  # in restore order: Redshift's backend refers to EC2's
SERVERLESS = "redshift-serverless"
PARTITIONED = frozenset({"iam", "s3"})  # one backend per partition, not per region
NOTICE = "not-restored.txt"
DELETED = "deleted-clusters.json"
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
_WHAT = {
    "ec2": "EC2 security groups and ingress rules",
    "iam": "IAM roles and policies",
    "s3": "S3 buckets and objects",
    "redshift": "Redshift clusters",
    SERVERLESS: "Redshift Serverless namespaces and workgroups",
    DELETED: "record of deleted clusters",
}
_SERVERLESS_KEYS = ("namespaces", "workgroups")
_DATA_KEPT = "their data is kept (only deleting a cluster deletes it)"
_WHEN_SET_ASIDE = {"redshift": _DATA_KEPT, SERVERLESS: _DATA_KEPT, DELETED: "the data of those clusters is kept"}


def notices(folder: Path) -> list[str]:
    """What the stand-in's last start could not restore from `folder`, one sentence each."""
    try:
        return (folder / NOTICE).read_text().splitlines()
    except OSError:
        return []


class SharedExclusive:
    """A lock requests take shared and a snapshot takes alone; a waiting snapshot goes before new requests."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._sharing = 0
        self._exclusive = False
        self._waiting = 0

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._exclusive and not self._waiting)
            self._sharing += 1
        try:
            yield
        finally:
            with self._condition:
                self._sharing -= 1
                self._condition.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._condition:
            self._waiting += 1
            self._condition.wait_for(lambda: not self._exclusive and not self._sharing)
            self._waiting -= 1
            self._exclusive = True
        try:
            yield
        finally:
            with self._condition:
                self._exclusive = False
                self._condition.notify_all()


class _Missing:
    """Stands for an S3 object whose file could not be read; dropped from its bucket after the restore."""

    def __reduce__(self) -> str:
        return "MISSING"


MISSING = _Missing()
OBJECT_FILES: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()
"""Which S3 object version each object file holds."""


class StandInState:
    """The stand-in's state folder: restore at start, save after each change."""

    def __init__(self, folder: Path, serverless: ServerlessBackend, deleted: DeletedClusters) -> None:
        self.folder = folder
        self.serverless = serverless
        self.deleted = deleted
        self.lock = SharedExclusive()
        self._condition = threading.Condition()
        self._dirty: set[Change] = set()
        self._asked = self._saved = 0
        self._saving = False
        self._notices: list[str] = []

    # --- saving ----------------------------------------------------------------------------------------------

    def changed(self, change: Change) -> None:
        """Return once a snapshot taken after this call holds `change` (one snapshot serves every waiting call)."""
        if change.service not in (*SERVICES, SERVERLESS, None):  # a service whose state is not kept (STS...)
            return
        with self._condition:
            self._dirty.add(change)
            self._asked += 1
            wanted = self._asked
            while self._saved < wanted:
                if self._saving:
                    self._condition.wait()
                    continue
                self._saving, dirty, upto = True, self._dirty, self._asked
                self._dirty = set()
                self._condition.release()
                try:
                    self._save(dirty)
                finally:
                    self._condition.acquire()
                    self._saving, self._saved = False, upto
                    self._condition.notify_all()

    def _save(self, changes: set[Change]) -> None:
        try:
            with self.lock.exclusive():
                files = self._snapshot(changes)
            for path, data, stale in files:
                _write(path, data)
                for old in stale:  # object files no version refers to any more, once the snapshot is on disk
                    old.unlink(missing_ok=True)
        except Exception:  # the stand-in keeps serving; the log says its state is not kept
            log.exception("the AWS stand-in could not save its state in %s", self.folder)

    def _snapshot(self, changes: set[Change]) -> list[tuple[Path, bytes, list[Path]]]:
        """The files to write for these changes, pickled while no request runs, each with the object files it
        makes stale."""
        from moto.backends import get_backend

        files = []
        if any(c.service in ("redshift", SERVERLESS, None) for c in changes):  # before the clusters it names go
            files.append((self.folder / DELETED, self.deleted.to_json(), []))
        for service in SERVICES:
            places = {_place(service, c.region) for c in changes if c.service in (service, None)}
            if not places:
                continue
            for account, regions in list(get_backend(service).items()):
                for region, backend in list(dict.items(regions)):
                    if (None in places or region in places) and _NAME.fullmatch(account) and _NAME.fullmatch(region):
                        files.append(self._pickle_backend(service, account, region, backend))
        if any(c.service in (SERVERLESS, None) for c in changes):
            with self.serverless.lock:
                state = {"namespaces": self.serverless.namespaces, "workgroups": self.serverless.workgroups}
                files.append((self.folder / f"{SERVERLESS}.pickle", pickle.dumps(state, protocol=5), []))
        return files

    def _pickle_backend(self, service: str, account: str, region: str, backend: Any) -> tuple[Path, bytes, list[Path]]:
        path = self.folder / service / account / f"{region}.pickle"
        objects = path.with_suffix(".objects") if service == "s3" else None
        buffer = io.BytesIO()
        pickler = _Pickler(buffer, backend, objects)
        pickler.dump(backend)
        stale = set(os.listdir(objects)) - pickler.objects_kept if objects and objects.is_dir() else set()
        return path, buffer.getvalue(), [objects / name for name in sorted(stale) if objects]

    # --- restoring -------------------------------------------------------------------------------------------

    def restore(self) -> list[str]:
        """Load whatever the folder holds into moto and the serverless backend; one sentence per file not restored
        (also written to NOTICE, which is removed when all was restored)."""
        from moto.backends import get_backend

        started = time.monotonic()
        _private_folder(self.folder)
        for leftover in self.folder.rglob(".*.tmp"):  # a write cut short
            leftover.unlink(missing_ok=True)
        restored = 0
        gc.disable()  # unpickling many small objects is several times faster without the collector
        try:
            for service in SERVICES:
                for path in sorted((self.folder / service).glob("*/*.pickle")):
                    account, region = path.parent.name, path.stem
                    try:
                        objects = path.with_suffix(".objects") if service == "s3" else None
                        backend = _load(path, objects, self._move_aside)
                        if type(backend) is not get_backend(service).backend:
                            raise TypeError(f"not a {get_backend(service).backend.__name__}")
                        dict.__setitem__(get_backend(service)[account], region, backend)
                        if service == "s3" and self._drop_missing(path, backend):  # saved without them
                            _write(*self._pickle_backend(service, account, region, backend)[:2])
                        restored += 1
                    except Exception as error:  # a damaged or partial file never stops the stand-in
                        self._set_aside(path, service, error)
                        if objects is not None and objects.is_dir():  # kept with it, not collected as stale
                            self._move_aside(objects)
            restored += self._restore_file(self.folder / f"{SERVERLESS}.pickle", SERVERLESS, self._load_serverless)
            restored += self._restore_file(self.folder / DELETED, DELETED, lambda p: self.deleted.load(p.read_bytes()))
        finally:
            gc.enable()
        log.info("restored %d state files from %s in %.2f s", restored, self.folder, time.monotonic() - started)
        notice = self.folder / NOTICE
        if self._notices:
            _write(notice, ("\n".join(self._notices) + "\n").encode())
        else:
            notice.unlink(missing_ok=True)
        return list(self._notices)

    def _restore_file(self, path: Path, kind: str, load: Callable[[Path], None]) -> int:
        """1 when `load` restored the file; 0 when there is none, or it is set aside."""
        if not path.exists():
            return 0
        try:
            load(path)
        except Exception as error:  # a damaged or partial file never stops the stand-in
            self._set_aside(path, kind, error)
            return 0
        return 1

    def _load_serverless(self, path: Path) -> None:
        state = _load(path, None, self._move_aside)
        if not isinstance(state, dict) or not all(isinstance(state.get(key), dict) for key in _SERVERLESS_KEYS):
            raise TypeError("not the namespaces and workgroups")
        self.serverless.namespaces.update(state["namespaces"])
        self.serverless.workgroups.update(state["workgroups"])
        for workgroup in self.serverless.workgroups.values():  # served where the endpoint is now
            workgroup.port = self.serverless.endpoint_port

    def _drop_missing(self, path: Path, backend: Any) -> int:
        """Drop from each bucket the object versions whose files could not be read, and say so; how many."""
        lost = 0
        for bucket in backend.buckets.values():
            for name, versions in list(dict.items(bucket.keys)):
                kept = [version for version in versions if version is not MISSING]
                lost += len(versions) - len(kept)
                if not kept:
                    dict.__delitem__(bucket.keys, name)
                elif len(kept) < len(versions):
                    dict.__setitem__(bucket.keys, name, kept)
        if lost:
            self._notices.append(
                f"could not restore {lost} S3 object versions of {path.relative_to(self.folder)}: their files in "
                f"{path.with_suffix('.objects').name} are missing or damaged (those are kept in damaged/); the "
                "stand-in goes on without them"
            )
        return lost

    def _move_aside(self, path: Path) -> Path:
        """Move a file (or an S3 index's object folder) that cannot be restored to damaged/; its new place."""
        damaged = self.folder / "damaged"
        _private_folder(damaged)
        moment = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        kept = damaged / f"{path.relative_to(self.folder).as_posix().replace('/', '_')}.{moment}-{secrets.token_hex(2)}"
        path.replace(kept)
        return kept

    def _set_aside(self, path: Path, kind: str, error: Exception) -> None:
        kept = self._move_aside(path)
        then = [f"the file is kept as {kept.relative_to(self.folder)}", "the stand-in goes on without them"]
        then += [_WHEN_SET_ASIDE[kind]] if kind in _WHEN_SET_ASIDE else []
        notice = (
            f"could not restore the {_WHAT[kind]} of {path.relative_to(self.folder)} ({type(error).__name__}): "
            + ", ".join(then[:-1]) + ", and " + then[-1]
        )  # fmt: skip
        self._notices.append(notice)
        log.warning("%s", notice)


class _Pickler(pickle.Pickler):
    """Pickles one backend: other backends it refers to become references, and each S3 object version (with
    `objects`) its own file, written when new or changed."""

    def __init__(self, file: io.BytesIO, root: Any, objects: Path | None) -> None:
        super().__init__(file, protocol=5)
        from moto.core.base_backend import BaseBackend

        self.root, self.objects, self.objects_kept = root, objects, set[str]()
        self._backend_type = BaseBackend
        self._key_type = _fake_key() if objects is not None else None

    def persistent_id(self, obj: Any) -> Any:
        if obj is self.root or obj is MISSING:
            return None
        if isinstance(obj, self._backend_type):
            return ("backend", _service_of(obj), obj.account_id, obj.region_name)
        if self._key_type is not None and isinstance(obj, self._key_type):
            return ("object", self._object_file(obj))
        return None

    def _object_file(self, key: Any) -> str:
        name = key.__dict__.get("_stand_in_file") or key.__dict__.setdefault("_stand_in_file", secrets.token_hex(16))
        if OBJECT_FILES.setdefault(name, key) is not key:  # a copy of another version: a file of its own
            name = key.__dict__["_stand_in_file"] = secrets.token_hex(16)
            key.__dict__["_stand_in_written"] = None
            OBJECT_FILES[name] = key
        fingerprint = _fingerprint(key)
        if key.__dict__.get("_stand_in_written") != fingerprint:
            buffer = io.BytesIO()
            _Pickler(buffer, key, None).dump(key)
            _private_folder(self.objects)
            _write(self.objects / name, buffer.getvalue(), durable=False)
            key.__dict__["_stand_in_written"] = fingerprint
        self.objects_kept.add(name)
        return name


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BufferedReader, objects: Path | None, aside: Callable[[Path], Path]) -> None:
        super().__init__(file)
        self.objects, self.aside = objects, aside

    def persistent_load(self, pid: Any) -> Any:
        from moto.backends import get_backend

        match pid:
            case ("backend", service, account, region):
                return get_backend(service)[account][region]
            case ("object", name) if self.objects is not None:
                path = self.objects / name
                try:
                    key = _load(path, None, self.aside)
                except Exception:  # that version alone is lost (see StandInState._drop_missing)
                    if path.exists():
                        self.aside(path)
                    return MISSING
                key.__dict__["_stand_in_written"] = _fingerprint(key)
                OBJECT_FILES[name] = key
                return key
        raise pickle.UnpicklingError(f"unknown reference {pid!r}")


def _fingerprint(key: Any) -> tuple[Any, ...]:
    """What changes when an S3 object version is changed in place (its ACL, lock, metadata)."""
    return (
        key._etag, key.last_modified, key.lock_mode, key.lock_until, key.lock_legal_status,
        repr(key.acl.grants) if key.acl else None, key.disposed,
        tuple(key._metadata.store.items()),
    )  # fmt: skip


def _load(path: Path, objects: Path | None, aside: Callable[[Path], Path]) -> Any:
    with open(path, "rb") as file:
        return _Unpickler(file, objects, aside).load()


def _service_of(backend: Any) -> str:
    """The service name moto's backend dict of this backend's class is registered under."""
    from moto.core.base_backend import BackendDict

    for backends in BackendDict._instances:
        if type(backend) is backends.backend:
            return backends.service_name
    raise pickle.PicklingError(f"no backend dict holds {type(backend).__name__}")


def _fake_key() -> type:
    from moto.s3.models import FakeKey

    return FakeKey


def _place(service: str, region: str | None) -> str | None:
    """The key of `region`'s backend in moto's backend dict of `service` (a partition for IAM and S3)."""
    if region is None or service not in PARTITIONED:
        return region
    from moto.utilities.utils import get_partition

    return get_partition(region)


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)


def _write(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace `path` with `data` atomically (a crash of the process leaves the old file or the new one), mode
    0600; `durable`: on the disk before this returns (an object version's file is written once and is left to the
    system, as the snapshot naming it follows at once and is durable, so that an upload costs one fsync)."""
    _private_folder(path.parent)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            if durable:
                os.fsync(file.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
