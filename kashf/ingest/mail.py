"""E-mail (RFC 822 / MIME) and mailboxes (mbox): headers, body text, attachments as children.

The body is the text/plain part, or the visible text of the HTML part when there is no plain
one. Every other leaf part with a payload (files, inline images, forwarded messages) becomes
a child document named by its file name. Broken mail is the norm in leaks, so every header and
part is read on its own: one bad header or charset never loses the rest of the message.
"""

from __future__ import annotations

import datetime as dt
import email
import email.header
import email.utils
import re
from email import policy
from email.message import Message

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.encoding import decode, guess_utf16
from kashf.ingest.markup import html_to_text
from kashf.ingest.model import ExtractedChild, Extraction, Limits

ENCRYPTED_REASON = "encrypted e-mail content: the recipient's private key is required"
_ENCRYPTED = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
ADDRESS_HEADERS = ("from", "to", "cc", "bcc", "reply_to")
_HEADERS = {
    "from": "From",
    "to": "To",
    "cc": "Cc",
    "bcc": "Bcc",
    "reply_to": "Reply-To",
    "subject": "Subject",
    "message_id": "Message-ID",
    "in_reply_to": "In-Reply-To",
    "references": "References",
}
_EXTENSIONS = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "message/rfc822": ".eml",
    "application/msword": ".doc",
    "application/zip": ".zip",
}


def header_text(message: Message, name: str) -> str | None:
    """A header decoded to text (RFC 2047 words resolved), or None when absent/empty."""
    try:
        value = message.get(name)
    except Exception:  # malformed header the parser chokes on: read it raw below
        value = None
        for key, raw in message.raw_items() if hasattr(message, "raw_items") else []:
            if key.lower() == name.lower():
                value = raw
                break
    if value is None:
        return None
    text = str(value)
    if "=?" in text:
        try:
            text = str(email.header.make_header(email.header.decode_header(text)))
        except Exception:
            pass
    text = " ".join(text.split())
    return text or None


def iso_date(value: str | None) -> str | None:
    """ISO 8601 of an RFC 2822 date, None if unreadable."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:  # some mailers write ISO 8601 ("2025-07-29T12:42:06.000Z")
        return dt.datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def message_metadata(message: Message) -> dict:
    """The envelope headers a journalist filters on, lower-case snake_case keys."""
    metadata: dict = {}
    for key, header in _HEADERS.items():
        value = header_text(message, header)
        if value:
            metadata[key] = value
    raw_date = header_text(message, "Date")
    if raw_date:
        metadata["date"] = iso_date(raw_date) or raw_date
        if iso_date(raw_date):
            metadata["created"] = metadata["date"]
    for key in ADDRESS_HEADERS:
        if key in metadata:
            metadata[f"{key}_addresses"] = [
                addr.lower() for _, addr in email.utils.getaddresses([metadata[key]]) if "@" in addr
            ]
    if "from" in metadata:
        metadata["author"] = metadata["from"]
    return metadata


def parse_message(data: bytes) -> Message:
    """A message object from raw bytes, UTF-16 files included."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        b"\x00" in data[:200] and guess_utf16(data[:4096])
    ):
        text, _ = decode(data)
        return email.message_from_string(text, policy=policy.default)
    return email.message_from_bytes(data, policy=policy.default)


def part_text(part: Message) -> str:
    """The decoded text of a text/* part, whatever its (declared or real) charset."""
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    try:
        declared = part.get_content_charset()
    except Exception:
        declared = None
    text, _ = decode(payload, declared)
    return text


def read_message(message: Message, limits: Limits) -> tuple[str, list[ExtractedChild]]:
    """``(body text, attachments)`` of a parsed message."""
    plain: list[str] = []
    html: list[str] = []
    children: list[ExtractedChild] = []
    encrypted = message.get_content_type() == "multipart/encrypted"
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        if content_type in _ENCRYPTED or (encrypted and content_type == "application/octet-stream"):
            name = _filename(part) or f"part-{index}.encrypted"
            children.append(
                ExtractedChild(name, None, ENCRYPTED_REASON, {"content_type": content_type})
            )
            continue
        if encrypted and content_type == "application/pgp-encrypted":
            continue  # the "Version: 1" control part of PGP/MIME
        disposition = (part.get_content_disposition() or "").lower()
        filename = _filename(part)
        if content_type == "message/rfc822" or (part.get_content_maintype() == "message"):
            children.append(_attachment(part, filename or f"message-{index}.eml", limits))
            continue
        if disposition != "attachment" and not filename and content_type == "text/plain":
            plain.append(part_text(part))
        elif disposition != "attachment" and not filename and content_type == "text/html":
            html.append(part_text(part))
        else:
            name = filename or f"part-{index}{_EXTENSIONS.get(content_type, '.bin')}"
            children.append(_attachment(part, name, limits))
    if any(text.strip() for text in plain):
        body = "\n\n".join(text.strip() for text in plain)
    else:
        body = "\n\n".join(html_to_text(text)[0] for text in html)
    return body.replace("\r\n", "\n"), children


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        return None
    if name and "=?" in name:
        try:
            name = str(email.header.make_header(email.header.decode_header(name)))
        except Exception:
            pass
    return name.strip() if name and name.strip() else None


def _attachment(part: Message, name: str, limits: Limits) -> ExtractedChild:
    metadata = {"content_type": part.get_content_type()}
    try:
        if part.get_content_maintype() == "message":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes() if isinstance(inner, Message) else None
        else:
            data = part.get_payload(decode=True)
    except Exception:
        data = None
    if data is None:
        return ExtractedChild(name, None, "e-mail attachment cannot be decoded", metadata)
    if len(data) > limits.max_member_bytes:
        return ExtractedChild(name, None, "e-mail attachment exceeds the size limit", metadata)
    return ExtractedChild(name, data, None, metadata)


def email_extraction(ingestor: Ingestor, src: Source, data: bytes) -> Extraction:
    message = parse_message(data)
    metadata = message_metadata(message)
    if not metadata and not message.get_payload():
        raise fail("corrupt e-mail: no headers and no body")
    body, children = read_message(message, src.limits)
    return ingestor.result(
        src,
        kind="email",
        title=metadata.get("subject"),
        text=body,
        metadata=metadata,
        children=children,
    )


class EmailIngestor(Ingestor):
    """E-mail messages (.eml, RFC 822/MIME)."""

    name = "email"
    label = "e-mail"
    version = 1
    kind = "email"
    mime_types = ("message/rfc822",)
    extensions = (".eml",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        return email_extraction(self, src, src.read())


# "From sender Mon Jan  1 00:00:00 2001": a body line such as "From the desk: …" after a blank
# line is not a separator, even in mailboxes that did not escape it as ">From".
_FROM_LINE = re.compile(rb"^From \S+ .*\d{1,2}:\d{2}.*\d{4}")


class MboxIngestor(Ingestor):
    """Mailboxes in mbox format: each message a child (a one-message mbox is that message)."""

    name = "mbox"
    label = "mailbox"
    version = 1
    kind = "email"
    mime_types = ("application/mbox",)
    extensions = (".mbox",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        messages = list(_split_mbox(src.path, src.limits))
        if len(messages) == 1 and messages[0][1] is not None:
            # A single message saved with its "From " envelope line: it is an e-mail.
            result = email_extraction(EmailIngestor(), src, messages[0][1])
            result.mime = "message/rfc822"
            return result
        children = []
        for number, (separator, data) in enumerate(messages, start=1):
            name = f"message-{number:05d}.eml"
            if len(children) >= src.limits.max_members:
                return self.result(
                    src,
                    children=children,
                    metadata={"messages": len(children)},
                    error=f"mailbox has more than {src.limits.max_members} messages (the limit)",
                )
            if data is None:
                children.append(
                    ExtractedChild(name, None, "mailbox message exceeds the size limit")
                )
            else:
                children.append(ExtractedChild(name, data, None, {"mbox_from": separator}))
        return self.result(src, children=children, metadata={"messages": len(children)})


def _split_mbox(path: str, limits: Limits):
    """Yield ``(separator line, message bytes or None if over the limit)`` per message."""
    separator, lines, size, over, blank_before = None, [], 0, False, True
    with open(path, "rb") as handle:
        for line in handle:
            if (
                blank_before
                and line.startswith(b"From ")
                and _FROM_LINE.match(line.rstrip(b"\r\n"))
            ):
                if separator is not None or lines:
                    yield separator, None if over else b"".join(lines)
                separator = line.rstrip(b"\r\n").decode("latin-1")[5:]
                lines, size, over = [], 0, False
                blank_before = False
                continue
            blank_before = not line.strip()
            size += len(line)
            if size > limits.max_member_bytes:
                over, lines = True, []
            elif not over:
                # mboxrd/mboxo escape body lines starting "From " as ">From ".
                lines.append(line[1:] if line.startswith(b">From ") else line)
    if separator is not None or lines:
        yield separator, None if over else b"".join(lines)
