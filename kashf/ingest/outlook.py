"""Outlook .msg files, read directly from their OLE streams with olefile.

(The usual Python library for .msg is GPL, so the few MAPI properties we need are read here.)
A .msg is an OLE compound file whose ``__substg1.0_TTTTYYYY`` streams hold one property each:
TTTT is the MAPI property tag, YYYY its type (001F UTF-16, 001E 8-bit, 0102 binary).
Recipients and attachments are sub-storages of the same shape. The original internet headers,
when the message came in by SMTP, are in property 007D and give Date, Message-ID and the rest.
"""

from __future__ import annotations

import datetime as dt
import email
import struct
from email import policy

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.encoding import decode
from kashf.ingest.mail import message_metadata
from kashf.ingest.markup import html_to_text
from kashf.ingest.model import ExtractedChild, Extraction

PROPS = {
    "0037": "subject",
    "0C1A": "sender_name",
    "0C1F": "sender_email",
    "5D01": "sender_smtp",
    "0E04": "display_to",
    "0E03": "display_cc",
    "0E02": "display_bcc",
    "1000": "body",
    "1013": "html",
    "1035": "message_id",
    "1042": "in_reply_to",
    "007D": "headers",
    "0070": "topic",
}
_FILETIME_PROPS = {0x0039: "sent", 0x0E06: "delivered"}  # client submit / delivery time
_EPOCH_1601 = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)


class MsgIngestor(Ingestor):
    """Outlook messages (.msg): headers, body and attachments, via olefile."""

    name = "msg"
    label = "Outlook message"
    version = 1
    kind = "email"
    mime_types = ("application/vnd.ms-outlook",)
    extensions = (".msg",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        import olefile

        try:
            ole = olefile.OleFileIO(src.path)
        except OSError as exc:
            raise fail(f"corrupt Outlook message: {exc}") from None
        with ole:
            props = _strings(ole, "")
            times = _times(ole, "__properties_version1.0", header=32)
            children = [_attachment(ole, storage, src) for storage in _storages(ole, "__attach")]
        metadata = self._metadata(props, times)
        body = props.get("body") or ""
        if not body.strip() and props.get("html"):
            body = html_to_text(props["html"])[0]
        return self.result(
            src,
            title=metadata.get("subject"),
            text=body.replace("\r\n", "\n"),
            metadata=metadata,
            children=children,
        )

    @staticmethod
    def _metadata(props: dict, times: dict) -> dict:
        metadata: dict = {}
        if props.get("headers"):
            metadata = message_metadata(
                email.message_from_string(props["headers"], policy=policy.default)
            )
        sender = props.get("sender_smtp") or props.get("sender_email")
        if props.get("sender_name") or sender:
            name, address = props.get("sender_name") or "", sender or ""
            metadata.setdefault(
                "from", f"{name} <{address}>" if name and "@" in address else name or address
            )
            metadata.setdefault("author", metadata["from"])
        for key, field in (("to", "display_to"), ("cc", "display_cc"), ("bcc", "display_bcc")):
            if props.get(field):
                metadata.setdefault(key, props[field])
        for key in ("subject", "message_id", "in_reply_to"):
            if props.get(key):
                metadata[key] = props[key].strip()
        when = times.get("sent") or times.get("delivered")
        if when:
            metadata.setdefault("date", when)
            metadata.setdefault("created", when)
        return {key: value for key, value in metadata.items() if value}


def _storages(ole, prefix: str) -> list[str]:
    names = {entry[0] for entry in ole.listdir(streams=True, storages=True) if len(entry) > 1}
    return sorted(name for name in names if name.startswith(prefix))


def _strings(ole, storage: str) -> dict:
    """The string properties of ``storage`` ("" for the message itself) by our names."""
    found: dict = {}
    base = f"{storage}/" if storage else ""
    for tag, key in PROPS.items():
        for kind in ("001F", "001E", "0102"):
            stream = f"{base}__substg1.0_{tag}{kind}"
            if ole.exists(stream):
                raw = ole.openstream(stream).read()
                found[key] = _text(raw, kind)
                break
    return found


def _text(raw: bytes, kind: str) -> str:
    if kind == "001F":
        return raw.decode("utf-16-le", "replace").rstrip("\x00")
    return decode(raw.rstrip(b"\x00"))[0]


def _times(ole, stream: str, header: int) -> dict:
    """FILETIME properties from a fixed-size property stream (16-byte entries after a header)."""
    if not ole.exists(stream):
        return {}
    data = ole.openstream(stream).read()
    found = {}
    for offset in range(header, len(data) - 15, 16):
        prop_type, prop_id = struct.unpack_from("<HH", data, offset)
        if prop_type == 0x0040 and prop_id in _FILETIME_PROPS:
            (ticks,) = struct.unpack_from("<Q", data, offset + 8)
            try:
                when = _EPOCH_1601 + dt.timedelta(microseconds=ticks // 10)
            except OverflowError:
                continue
            found[_FILETIME_PROPS[prop_id]] = when.isoformat()
    return found


def _attachment(ole, storage: str, src: Source) -> ExtractedChild:
    names = {}
    for tag, key in (("3707", "long"), ("3704", "short"), ("3001", "display")):
        for kind in ("001F", "001E"):
            stream = f"{storage}/__substg1.0_{tag}{kind}"
            if ole.exists(stream):
                names[key] = _text(ole.openstream(stream).read(), kind).strip()
                break
    name = names.get("long") or names.get("short") or names.get("display") or storage
    data_stream = f"{storage}/__substg1.0_37010102"
    if not ole.exists(data_stream):
        # An embedded message (3701000D) or an OLE object: a storage, not bytes.
        return ExtractedChild(name, None, "embedded Outlook item: not extracted", {})
    if ole.get_size(data_stream) > src.limits.max_member_bytes:
        return ExtractedChild(name, None, "e-mail attachment exceeds the size limit", {})
    return ExtractedChild(name, ole.openstream(data_stream).read(), None, {})
