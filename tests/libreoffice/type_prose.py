"""Types prose into a branch report form with LibreOffice, as a secretary
does in Writer, and saves it as DOCX (Word 2007-365).

    python3 type_prose.py FORM.docx OUT.docx TYPING.json

TYPING.json is a list of {"after": PREFIX, "paragraphs": [TEXT, ...]}: the
first dotted line after the first paragraph starting with PREFIX (a
section's heading, or a sub-heading line) is typed over with the first
TEXT; each further TEXT becomes a new paragraph after it (Enter, then
typing). LibreOffice runs headless with a private profile, so an open
LibreOffice window does not block it. Run with the Python that has the
`uno` module (Debian: python3-uno, /usr/bin/python3).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def dotted(text):
    stripped = text.replace("…", "").replace(".", "").strip()
    return text.strip() != "" and stripped == ""


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(240):
        try:
            return resolver.resolve(url)
        except Exception:
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not answer on pipe " + pipe)


def body_paragraphs(doc):
    out = []
    items = doc.getText().createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            out.append(item)
    return out


def type_into(doc, typing):
    text = doc.getText()
    for entry in typing:
        paras = body_paragraphs(doc)
        start = next(
            (i for i, p in enumerate(paras) if p.getString().startswith(entry["after"])),
            None,
        )
        if start is None:
            raise SystemExit("no paragraph starts with: " + entry["after"])
        line = next((p for p in paras[start + 1 :] if dotted(p.getString())), None)
        if line is None:
            raise SystemExit("no dotted line after: " + entry["after"])
        first, *more = entry["paragraphs"]
        line.setString(first)
        cursor = text.createTextCursorByRange(line.getEnd())
        for paragraph in more:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, paragraph, False)


def main():
    form, out, typing_file = sys.argv[1:4]
    with open(typing_file, encoding="utf-8") as f:
        typing = json.load(f)
    profile = tempfile.mkdtemp(prefix="vanban-lo-")
    pipe = "vanban-%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;" % pipe,
        ]
    )
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx
        )
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(form)), "_blank", 0, (prop("Hidden", True),)
        )
        type_into(doc, typing)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(out)),
            (prop("FilterName", "MS Word 2007 XML"),),
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
