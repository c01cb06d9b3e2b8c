"""Texts of the knowledge-base admin feature (/kb, uploads), Thai first, then English.

Merged into bot.texts; `kb.warn.*` and `kb.error.*` hold no markup, so the command line
prints them as they are.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cmd.kb": {
        "th": (
            "ฐานความรู้: ส่งไฟล์ (PDF, PPTX, DOCX, Markdown) มาในแชตเพื่อเพิ่มเอกสาร; "
            "/kb list, /kb remove, /kb history, /kb rollback, /kb test"
        ),
        "en": (
            "Knowledge base: send a file (PDF, PPTX, DOCX, Markdown) here to add a document; "
            "/kb list, remove, history, rollback, test"
        ),
    },
    "kb.usage": {
        "th": (
            "<b>ฐานความรู้</b>\n"
            "• ส่งไฟล์ (PDF, PPTX, DOCX, Markdown, ข้อความ ไม่เกิน 20 MB) เพื่อเพิ่มหรือแทนเอกสาร\n"
            "• /kb list — เอกสารทั้งหมด\n"
            "• /kb remove ชื่อไฟล์หรือหมายเลข — ลบเอกสาร (แสดงตัวอย่างก่อน)\n"
            "• /kb history — ประวัติการเผยแพร่\n"
            "• /kb rollback — ย้อนกลับเป็นฉบับก่อนหน้า\n"
            "• /kb test add คำถาม | ข้อความที่ต้องพบ — เพิ่มคำถามทดสอบ\n"
            "• /kb test list, /kb test remove หมายเลข"
        ),
        "en": (
            "<b>Knowledge base</b>\n"
            "• Send a file (PDF, PPTX, DOCX, Markdown, text; up to 20 MB) to add or replace a"
            " document\n"
            "• /kb list — all documents\n"
            "• /kb remove FILE or NUMBER — remove a document (with a preview)\n"
            "• /kb history — what went live and when\n"
            "• /kb rollback — restore the previous version\n"
            "• /kb test add QUESTION | EXPECTED TEXT — add a test question\n"
            "• /kb test list, /kb test remove NUMBER"
        ),
    },
    "kb.upload_denied": {
        "th": (
            "ขออภัยค่ะ การเพิ่มเอกสารเข้าฐานความรู้ทำได้เฉพาะผู้ดูแลระบบ ไฟล์นี้จึงไม่ถูกนำไปใช้\n"
            "หากต้องการถาม กรุณาพิมพ์คำถามเป็นข้อความได้เลยค่ะ"
        ),
        "en": (
            "Sorry, only admins can add documents to the knowledge base, so this file was not"
            " used.\nTo ask something, type your question as a message."
        ),
    },
    "kb.upload_denied_trainer": {
        "th": (
            "การเพิ่มเอกสารเข้าฐานความรู้ทำได้เฉพาะผู้ดูแลระบบค่ะ ไฟล์นี้จึงไม่ถูกนำไปใช้\n"
            "หากเป็นไฟล์คำถามสำหรับ /assign ใช้ /import แล้วส่งไฟล์ .csv, .gift หรือ .txt (Aiken) ได้เลยค่ะ"
        ),
        "en": (
            "Only admins can add documents to the knowledge base, so this file was not used.\n"
            "For questions to use in /assign, send /import and then a .csv, .gift or .txt "
            "(Aiken) file."
        ),
    },
    "kb.file.offer_import": {
        "th": (
            "📥 ไฟล์ <code>{file}</code> ดูเหมือนเป็นไฟล์คำถาม (CSV, GIFT หรือ Aiken)\n"
            "ต้องการนำเข้าเป็นคำถามสำหรับ /assign ไหมคะ? กดปุ่มด้านล่าง "
            "หรือส่งไฟล์อีกครั้งพร้อมคำบรรยาย <code>/import</code>"
        ),
        "en": (
            "📥 <code>{file}</code> looks like a question file (CSV, GIFT or Aiken).\n"
            "Import its questions for /assign? Press the button below, or send the file again "
            "with the caption <code>/import</code>."
        ),
    },
    "kb.file.ask": {
        "th": (
            "ไฟล์ <code>{file}</code> ใช้ได้ทั้งสองแบบ ต้องการให้ทำอะไรคะ?\n"
            "• นำเข้าเป็นคำถามสำหรับ /assign\n• เพิ่มเป็นเอกสารในฐานความรู้"
        ),
        "en": (
            "<code>{file}</code> could be either. What should I do with it?\n"
            "• import its questions for /assign\n• add it to the knowledge base as a document"
        ),
    },
    "kb.file.offer_later": {
        "th": (
            "📥 คุณกำลังกรอกแบบฟอร์ม /assign อยู่ ไฟล์ <code>{file}</code> จึงยังไม่ถูกนำไปใช้\n"
            "ทำแบบฟอร์มให้เสร็จหรือยกเลิกก่อน แล้วส่งไฟล์อีกครั้ง "
            "(ใส่คำบรรยาย <code>/import</code> หากเป็นไฟล์คำถาม)"
        ),
        "en": (
            "📥 You are filling in an /assign form, so <code>{file}</code> was not used.\n"
            "Finish or cancel the form, then send the file again (with the caption "
            "<code>/import</code> if it holds questions)."
        ),
    },
    "kb.file.stale": {
        "th": "ปุ่มนี้เก่าแล้วค่ะ กรุณาส่งไฟล์อีกครั้ง",
        "en": "This button is out of date; please send the file again.",
    },
    "kb.button.file_import": {"th": "📥 นำเข้าเป็นคำถาม", "en": "📥 Import as questions"},
    "kb.button.file_kb": {"th": "📚 เพิ่มในฐานความรู้", "en": "📚 Add to the knowledge base"},
    "kb.working": {
        "th": (
            "⏳ กำลังตรวจไฟล์ <code>{file}</code> และเตรียมฐานความรู้ฉบับใหม่…\n"
            "ระหว่างนี้ผู้ใช้ยังถามได้ตามปกติจากฉบับปัจจุบัน"
        ),
        "en": (
            "⏳ Checking <code>{file}</code> and preparing a new knowledge-base version…\n"
            "Everyone keeps getting answers from the current version meanwhile."
        ),
    },
    "kb.working_remove": {
        "th": "⏳ กำลังเตรียมฐานความรู้ฉบับที่ไม่มี <code>{file}</code>…",
        "en": "⏳ Preparing a knowledge-base version without <code>{file}</code>…",
    },
    "kb.progress.embedding": {
        "th": "⏳ กำลังประมวลผลข้อความ {done}/{total} ส่วน…",
        "en": "⏳ Processing passages: {done}/{total}…",
    },
    "kb.progress.testing": {
        "th": "⏳ กำลังทดสอบด้วยคำถามทดสอบ…",
        "en": "⏳ Running the test questions…",
    },
    # Refusals of a file: kb.error.head + one problem; nothing changes
    "kb.error.head": {
        "th": "❌ ใช้ไฟล์ <code>{file}</code> ไม่ได้: {problem}\nฐานความรู้ไม่มีการเปลี่ยนแปลง",
        "en": "❌ Can't use <code>{file}</code>: {problem}\nThe knowledge base is unchanged.",
    },
    "kb.error.too_large": {
        "th": "ไฟล์ใหญ่เกิน 20 MB (ขีดจำกัดการดาวน์โหลดของ Telegram) กรุณาแบ่งไฟล์หรือลดขนาด",
        "en": "the file is over 20 MB (Telegram's download limit); split or shrink it",
    },
    "kb.error.empty_file": {"th": "ไฟล์ว่างเปล่า", "en": "the file is empty"},
    "kb.error.unsupported": {
        "th": "ไม่ใช่รูปแบบที่รองรับ (รองรับ PDF, PPTX, DOCX, Markdown และไฟล์ข้อความ)",
        "en": "not a supported format (PDF, PPTX, DOCX, Markdown and text are)",
    },
    "kb.error.old_office": {
        "th": (
            "เป็นไฟล์ Office รุ่นเก่า (.doc/.ppt) หรือไฟล์ที่ตั้งรหัสผ่าน กรุณาบันทึกเป็น .docx/.pptx แบบไม่มีรหัสผ่าน"
        ),
        "en": (
            "an old binary Office file (.doc/.ppt) or a password-protected one; "
            "save it as .docx/.pptx without a password"
        ),
    },
    "kb.error.image": {
        "th": "เป็นไฟล์รูปภาพ ระบบอ่านได้เฉพาะเอกสารที่มีข้อความ (ไม่มีบริการ OCR)",
        "en": "an image; only documents with text can be read (OCR is not offered)",
    },
    "kb.error.corrupt": {
        "th": "ไฟล์เสียหายหรือไม่ใช่รูปแบบที่ชื่อไฟล์ระบุ จึงเปิดอ่านไม่ได้",
        "en": "the file is damaged or not in the format it claims, so it can't be read",
    },
    "kb.error.corrupt_pdf": {
        "th": (
            "ไฟล์นี้ไม่ใช่ไฟล์ PDF ที่ถูกต้อง (อาจเสียหาย ดาวน์โหลดไม่ครบ หรือเป็นไฟล์ชนิดอื่นที่ตั้งชื่อเป็น .pdf) "
            "กรุณาตรวจว่าเปิดไฟล์ในเครื่องได้ แล้วส่งใหม่"
        ),
        "en": (
            "this file is not a valid PDF (damaged, incomplete, or another kind of file named "
            ".pdf); check that it opens on your computer and send it again"
        ),
    },
    "kb.error.corrupt_docx": {
        "th": (
            "ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx) ที่ถูกต้อง (อาจเสียหายหรือดาวน์โหลดไม่ครบ) "
            "กรุณาเปิดใน Word แล้วบันทึกเป็น .docx อีกครั้งก่อนส่ง"
        ),
        "en": (
            "this file is not a valid Word file (.docx) (damaged or incomplete); open it in "
            "Word, save it as .docx again and send it"
        ),
    },
    "kb.error.corrupt_pptx": {
        "th": (
            "ไฟล์นี้ไม่ใช่ไฟล์ PowerPoint (.pptx) ที่ถูกต้อง (อาจเสียหายหรือดาวน์โหลดไม่ครบ) "
            "กรุณาเปิดใน PowerPoint แล้วบันทึกเป็น .pptx อีกครั้งก่อนส่ง"
        ),
        "en": (
            "this file is not a valid PowerPoint file (.pptx) (damaged or incomplete); open it "
            "in PowerPoint, save it as .pptx again and send it"
        ),
    },
    "kb.error.no_text_file": {
        "th": "ไฟล์นี้ไม่มีข้อความ (มีแต่ช่องว่างหรือว่างเปล่า)",
        "en": "the file has no text (only blank space)",
    },
    "kb.error.too_many_pages": {
        "th": "มี {count} หน้า เกินขีดจำกัด {limit} หน้า",
        "en": "it has {count} pages, over the limit of {limit}",
    },
    "kb.error.too_many_slides": {
        "th": "มี {count} สไลด์ เกินขีดจำกัด {limit} สไลด์",
        "en": "it has {count} slides, over the limit of {limit}",
    },
    "kb.error.zip_bomb": {
        "th": "เมื่อแตกไฟล์แล้วมีขนาดใหญ่ผิดปกติ (เกิน {limit} MB) อาจเป็นไฟล์อันตราย",
        "en": "it unpacks to an abnormal size (over {limit} MB); it may be a zip bomb",
    },
    "kb.error.encrypted": {
        "th": "ไฟล์ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ กรุณาส่งฉบับที่ไม่มีรหัสผ่าน",
        "en": "the file is encrypted or password-protected; send a copy without a password",
    },
    "kb.error.no_text": {
        "th": "ไม่พบข้อความในไฟล์ (อาจเป็น PDF ที่สแกนมา ระบบไม่มีบริการ OCR)",
        "en": "no text found (a scanned PDF? OCR is not offered)",
    },
    "kb.error.too_much_text": {
        "th": "มีข้อความ {chars} ตัวอักษร มากเกินขีดจำกัด {limit} ตัวอักษรต่อเอกสาร",
        "en": "it holds {chars} characters of text, over the limit of {limit} per document",
    },
    "kb.download_failed": {
        "th": "ดาวน์โหลดไฟล์ไม่สำเร็จ กรุณาส่งใหม่อีกครั้ง ฐานความรู้ไม่มีการเปลี่ยนแปลง",
        "en": "The file could not be downloaded; please send it again. Nothing changed.",
    },
    "kb.busy": {
        "th": "ผู้ดูแลระบบอีกท่าน ({who}) กำลังปรับปรุงฐานความรู้อยู่ กรุณารอสักครู่แล้วลองใหม่",
        "en": "Another admin ({who}) is updating the knowledge base; please wait and try again.",
    },
    "kb.busy_self": {
        "th": "คุณมีการเปลี่ยนแปลงที่รอยืนยันอยู่ กรุณากดเผยแพร่หรือยกเลิกรายการนั้นก่อน",
        "en": "You have a change waiting for confirmation; go live with it or cancel it first.",
    },
    "kb.busy_other": {"th": "อีกกระบวนการหนึ่ง", "en": "another process"},
    "kb.nothing": {
        "th": "ฐานความรู้มีเนื้อหานี้อยู่แล้วทุกประการ ไม่มีอะไรเปลี่ยนแปลง",
        "en": "The knowledge base already holds exactly this; nothing would change.",
    },
    # The preview of a staged change
    "kb.preview.add": {
        "th": "<b>📄 ตัวอย่างการเปลี่ยนแปลง: เพิ่ม/แทน <code>{doc}</code></b>",
        "en": "<b>📄 Preview: add or replace <code>{doc}</code></b>",
    },
    "kb.preview.remove": {
        "th": "<b>🗑 ตัวอย่างการเปลี่ยนแปลง: ลบ <code>{doc}</code></b>",
        "en": "<b>🗑 Preview: remove <code>{doc}</code></b>",
    },
    "kb.preview.added": {
        "th": "➕ เพิ่ม <b>{title}</b> (<code>{doc}</code>): {after} ส่วน",
        "en": "➕ Added <b>{title}</b> (<code>{doc}</code>): {after} passages",
    },
    "kb.preview.changed": {
        "th": (
            "✏️ แก้ไข <b>{title}</b> (<code>{doc}</code>): "
            "ใหม่ {added} ส่วน ลบ {removed} ส่วน (รวม {after})"
        ),
        "en": (
            "✏️ Changed <b>{title}</b> (<code>{doc}</code>): {added} passages new, "
            "{removed} gone ({after} in all)"
        ),
    },
    "kb.preview.removed": {
        "th": "➖ ลบ <b>{title}</b> (<code>{doc}</code>): {before} ส่วน",
        "en": "➖ Removed <b>{title}</b> (<code>{doc}</code>): {before} passages",
    },
    "kb.preview.totals": {
        "th": "ข้อความทั้งฐานความรู้: {before} → {after} ส่วน",
        "en": "Passages in the knowledge base: {before} → {after}",
    },
    "kb.preview.samples": {
        "th": "<b>ตัวอย่างข้อความที่จะใช้อ้างอิง</b>",
        "en": "<b>Sample passages as they will be cited</b>",
    },
    "kb.preview.sample": {
        "th": "• <b>{label}</b> · {title}\n  <i>{text}</i>",
        "en": "• <b>{label}</b> · {title}\n  <i>{text}</i>",
    },
    "kb.preview.warnings": {"th": "<b>⚠️ ข้อควรระวัง</b>", "en": "<b>⚠️ Warnings</b>"},
    "kb.warn.renamed": {
        "th": "ชื่อไฟล์ {sent} ไม่ตรงกับเนื้อไฟล์ จึงอ่านเป็นไฟล์ {kind}",
        "en": "the name {sent} does not match the content; it was read as {kind}",
    },
    "kb.warn.pages_without_text": {
        "th": "มี {count} หน้าที่ไม่มีข้อความ (อาจเป็นภาพสแกน) หน้าเหล่านี้จะค้นไม่พบ",
        "en": "{count} pages have no text (scanned?) and cannot be searched",
    },
    "kb.warn.slides_without_text": {
        "th": "มี {count} สไลด์ที่ไม่มีข้อความ สไลด์เหล่านี้จะค้นไม่พบ",
        "en": "{count} slides have no text and cannot be searched",
    },
    "kb.warn.load_error": {
        "th": "อ่านเอกสาร {doc} ไม่ได้ จึงไม่อยู่ในฉบับใหม่ ({reason})",
        "en": "{doc} could not be read and is left out of the new version ({reason})",
    },
    "kb.warn.empty_index": {
        "th": "ฉบับใหม่จะไม่มีเอกสารเลย ระบบจะตอบคำถามใด ๆ ไม่ได้",
        "en": "the new version holds no documents: no question could be answered",
    },
    "kb.warn.little_text": {
        "th": "{doc} มีข้อความเพียง {chars} ตัวอักษร",
        "en": "{doc} holds only {chars} characters of text",
    },
    "kb.warn.same_title": {
        "th": "{doc} มีชื่อเรื่องเดียวกับ {other} ผู้ใช้อาจแยกแหล่งอ้างอิงไม่ออก",
        "en": "{doc} has the same title as {other}; citations may be confused",
    },
    # The test-question gate
    "kb.gate.passed": {
        "th": (
            "✅ <b>คำถามทดสอบ</b>: ฉบับใหม่พบคำตอบ {staged}/{total} ข้อ (ฉบับปัจจุบัน {live}/{total})"
        ),
        "en": (
            "✅ <b>Test questions</b>: the new version finds {staged}/{total} "
            "(live: {live}/{total})"
        ),
    },
    "kb.gate.failed": {
        "th": (
            "❗ <b>คำถามทดสอบ</b>: ฉบับใหม่พบคำตอบ {staged}/{total} ข้อ "
            "น้อยกว่าฉบับปัจจุบัน ({live}/{total})"
        ),
        "en": (
            "❗ <b>Test questions</b>: the new version finds {staged}/{total}, "
            "fewer than the live one ({live}/{total})"
        ),
    },
    "kb.gate.lost": {
        "th": "คำถามที่ฉบับใหม่หาคำตอบไม่พบแล้ว:",
        "en": "Questions the new version no longer finds:",
    },
    "kb.gate.question": {
        "th": "• <code>{id}</code> {question}",
        "en": "• <code>{id}</code> {question}",
    },
    "kb.gate.more": {"th": "…และอีก {count} ข้อ", "en": "…and {count} more"},
    "kb.confirm.ask": {
        "th": "เผยแพร่ฉบับนี้ให้ผู้ใช้ทุกคนเลยหรือไม่?",
        "en": "Make this version live for everyone?",
    },
    "kb.confirm.ask_anyway": {
        "th": "ฉบับใหม่ตอบคำถามทดสอบได้น้อยลง ยังต้องการเผยแพร่หรือยกเลิก?",
        "en": "The new version finds fewer test answers. Go live anyway, or cancel?",
    },
    "kb.button.go": {"th": "✅ เผยแพร่", "en": "✅ Go live"},
    "kb.button.go_anyway": {"th": "⚠️ เผยแพร่ต่อไป", "en": "⚠️ Go live anyway"},
    "kb.button.cancel": {"th": "✖️ ยกเลิก", "en": "✖️ Cancel"},
    "kb.published": {
        "th": ("✅ เผยแพร่แล้ว ตอนนี้คำตอบมาจากฉบับ <code>{version}</code> (ย้อนกลับได้ด้วย /kb rollback)"),
        "en": (
            "✅ Live: answers now come from version <code>{version}</code> "
            "(undo with /kb rollback)"
        ),
    },
    "kb.cancelled": {
        "th": "ยกเลิกแล้ว ฐานความรู้ไม่มีการเปลี่ยนแปลง",
        "en": "Cancelled. The knowledge base is unchanged.",
    },
    "kb.stale.gone": {
        "th": "รายการนี้ไม่ได้รอการยืนยันแล้ว (ยืนยัน ยกเลิก หรือหมดเวลาไปแล้ว)",
        "en": "This change is no longer waiting (already confirmed, cancelled or expired).",
    },
    "kb.stale.not_yours": {
        "th": "รายการนี้เป็นของผู้ดูแลระบบอีกท่าน คุณยืนยันหรือยกเลิกแทนไม่ได้",
        "en": "This change belongs to another admin; you can't confirm or cancel it.",
    },
    "kb.stale.changed": {
        "th": "ฐานความรู้เปลี่ยนไปหลังจากแสดงตัวอย่างนี้ รายการนี้จึงถูกยกเลิก กรุณาทำใหม่อีกครั้ง",
        "en": "The knowledge base changed after this preview, so it was dropped. Please redo it.",
    },
    # /kb list, remove, history, rollback
    "kb.list.head": {
        "th": "<b>📚 เอกสารในฐานความรู้</b> (ฉบับ <code>{version}</code>)",
        "en": "<b>📚 Documents in the knowledge base</b> (version <code>{version}</code>)",
    },
    "kb.list.shipped": {
        "th": "{n}. <b>{title}</b>\n    <code>{doc}</code> · {passages} ส่วน · มาพร้อมระบบ",
        "en": "{n}. <b>{title}</b>\n    <code>{doc}</code> · {passages} passages · built in",
    },
    "kb.list.upload": {
        "th": (
            "{n}. <b>{title}</b>\n    <code>{doc}</code> · {passages} ส่วน · "
            "เพิ่มโดย {who} เมื่อ {when} · ฉบับ <code>{version}</code>"
        ),
        "en": (
            "{n}. <b>{title}</b>\n    <code>{doc}</code> · {passages} passages · "
            "added by {who} on {when} · version <code>{version}</code>"
        ),
    },
    "kb.list.pending": {
        "th": "⏳ มีรายการรอยืนยัน: {action} <code>{doc}</code> โดย {who}",
        "en": "⏳ Waiting for confirmation: {action} <code>{doc}</code> by {who}",
    },
    "kb.action.add": {"th": "เพิ่ม", "en": "add"},
    "kb.action.remove": {"th": "ลบ", "en": "remove"},
    "kb.action.reload": {"th": "โหลดใหม่", "en": "reload"},
    "kb.action.rollback": {"th": "ย้อนกลับ", "en": "rollback"},
    "kb.action.auto": {"th": "สร้างครั้งแรก", "en": "first build"},
    "kb.remove.usage": {
        "th": "วิธีใช้: <code>/kb remove ชื่อไฟล์</code> หรือหมายเลขจาก /kb list",
        "en": "Usage: <code>/kb remove FILE</code> or a number from /kb list",
    },
    "kb.remove.unknown": {
        "th": "ไม่พบเอกสาร <code>{doc}</code> ดูรายการได้ที่ /kb list",
        "en": "There is no document <code>{doc}</code>; see /kb list.",
    },
    "kb.history.head": {"th": "<b>🕘 ประวัติฐานความรู้</b>", "en": "<b>🕘 Knowledge-base history</b>"},
    "kb.history.line": {
        "th": "• {when} · {action} · ฉบับ <code>{version}</code> · โดย {who}{live}{what}",
        "en": "• {when} · {action} · version <code>{version}</code> · by {who}{live}{what}",
    },
    "kb.history.live": {"th": " · <b>ใช้อยู่</b>", "en": " · <b>live</b>"},
    "kb.history.what": {"th": "\n    {changes}", "en": "\n    {changes}"},
    "kb.history.none": {"th": "ยังไม่มีประวัติค่ะ", "en": "No history yet."},
    "kb.rollback.done": {
        "th": "↩️ ย้อนกลับแล้ว ตอนนี้คำตอบมาจากฉบับ <code>{version}</code>",
        "en": "↩️ Rolled back: answers now come from version <code>{version}</code>",
    },
    "kb.rollback.ask": {
        "th": (
            "↩️ <b>ย้อนกลับเป็นฉบับก่อนหน้าไหมคะ?</b>\n"
            "ฉบับที่จะกลับมาใช้: <code>{version}</code> (เผยแพร่เมื่อ {when}) มีเอกสาร {count} ไฟล์"
        ),
        "en": (
            "↩️ <b>Roll back to the previous version?</b>\n"
            "Coming back: version <code>{version}</code> (went live {when}) with {count} "
            "document(s)"
        ),
    },
    "kb.rollback.doc": {
        "th": "• {title} (<code>{doc}</code>)",
        "en": "• {title} (<code>{doc}</code>)",
    },
    "kb.rollback.more": {"th": "…และอีก {count} ไฟล์", "en": "…and {count} more"},
    "kb.rollback.changes": {
        "th": "เทียบกับฉบับที่ใช้อยู่: {changes}",
        "en": "Compared with the live version: {changes}",
    },
    "kb.rollback.cancelled": {
        "th": "ไม่ได้ย้อนกลับ ฐานความรู้ไม่มีการเปลี่ยนแปลง",
        "en": "Not rolled back; the knowledge base is unchanged.",
    },
    "kb.rollback.stale": {
        "th": "ฉบับก่อนหน้าเปลี่ยนไปแล้วค่ะ กรุณาพิมพ์ /kb rollback อีกครั้ง",
        "en": "The previous version has changed; send /kb rollback again.",
    },
    "kb.button.rollback": {"th": "↩️ ย้อนกลับ", "en": "↩️ Roll back"},
    "kb.rollback.none": {
        "th": "ยังไม่มีฉบับก่อนหน้าให้ย้อนกลับค่ะ",
        "en": "There is no earlier version to roll back to.",
    },
    # /kb test
    "kb.test.usage": {
        "th": (
            "วิธีใช้:\n<code>/kb test add คำถาม | ข้อความที่คำตอบต้องพบ</code>\n"
            "<code>/kb test list</code>\n<code>/kb test remove หมายเลข</code>"
        ),
        "en": (
            "Usage:\n<code>/kb test add QUESTION | TEXT THE ANSWER MUST FIND</code>\n"
            "<code>/kb test list</code>\n<code>/kb test remove NUMBER</code>"
        ),
    },
    "kb.test.added": {
        "th": "✅ เพิ่มคำถามทดสอบ #{id} แล้ว {status}",
        "en": "✅ Test question #{id} added. {status}",
    },
    "kb.test.found_now": {
        "th": "(ฉบับปัจจุบันพบคำตอบ)",
        "en": "The live version finds it.",
    },
    "kb.test.missed_now": {
        "th": "(ฉบับปัจจุบันยังหาคำตอบไม่พบ ตรวจข้อความที่ต้องพบอีกครั้ง)",
        "en": "The live version does not find it yet; check the expected text.",
    },
    "kb.test.invalid": {
        "th": "คำถามหรือข้อความที่ต้องพบว่างหรือยาวเกินไป",
        "en": "The question or the expected text is empty or too long.",
    },
    "kb.test.head": {
        "th": "<b>🧪 คำถามทดสอบที่ผู้ดูแลเพิ่ม</b> (รวมกับคำถามมาตรฐาน {golden} ข้อ)",
        "en": "<b>🧪 Test questions added by admins</b> (plus {golden} built-in ones)",
    },
    "kb.test.line": {
        "th": "#{id} {question}\n    → <i>{expected}</i>",
        "en": "#{id} {question}\n    → <i>{expected}</i>",
    },
    "kb.test.none": {
        "th": "ยังไม่มีคำถามทดสอบที่ผู้ดูแลเพิ่ม (ใช้คำถามมาตรฐาน {golden} ข้อ)",
        "en": "No admin test questions yet (the {golden} built-in ones apply).",
    },
    "kb.test.removed": {"th": "ลบคำถามทดสอบ #{id} แล้ว", "en": "Test question #{id} removed."},
    "kb.test.unknown": {
        "th": "ไม่พบคำถามทดสอบ #{id}",
        "en": "There is no test question #{id}.",
    },
}
