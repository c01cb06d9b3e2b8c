"""Off-topic reference passages: a "none of the above" yardstick for refusal.

A question the material covers matches some passage better than it matches any of these;
an off-topic question (fish farming, a driving licence, a capital city) matches one of these
about as well as, or better than, anything in the material.
"""

from __future__ import annotations

BACKGROUND_PASSAGES: tuple[str, ...] = (
    # Everyday life, Thai
    "การเลี้ยงปลาในบ่อดิน ต้องเตรียมบ่อ ใส่ปูนขาว ปล่อยลูกปลา และให้อาหารวันละสองครั้ง",
    "การปลูกข้าวนาปี เริ่มจากเตรียมดิน หว่านหรือปักดำ ดูแลน้ำ และเก็บเกี่ยวเมื่อรวงข้าวสุก",
    "สูตรต้มยำกุ้ง ใช้ข่า ตะไคร้ ใบมะกรูด พริก น้ำปลา และมะนาว",
    "วิธีต่ออายุใบขับขี่ ยื่นเอกสารที่สำนักงานขนส่ง อบรมออนไลน์ และชำระค่าธรรมเนียม",
    "การยื่นแบบภาษีเงินได้บุคคลธรรมดาทางอินเทอร์เน็ต ต้องกรอกรายได้และค่าลดหย่อน",
    "ฟุตบอลโลกจัดขึ้นทุกสี่ปี ทีมชาติที่ชนะเลิศได้ถ้วยรางวัล",
    "อาการของโรคไข้หวัดใหญ่ ได้แก่ มีไข้ ไอ เจ็บคอ ปวดเมื่อยกล้ามเนื้อ",
    "วิธีดูแลผู้ป่วยเบาหวาน ควบคุมอาหาร ออกกำลังกาย และตรวจน้ำตาลในเลือด",
    "สถานที่ท่องเที่ยวในจังหวัดเชียงใหม่ เช่น ดอยสุเทพ ถนนคนเดิน และอุทยานแห่งชาติดอยอินทนนท์",
    "การพยากรณ์อากาศวันนี้ มีฝนตกหนักบางแห่ง อุณหภูมิสูงสุด 35 องศา",
    "วิธีเปิดบัญชีธนาคาร ใช้บัตรประชาชน และเงินฝากขั้นต่ำ",
    "การเขียนโปรแกรมภาษาไพทอน เริ่มจากติดตั้งโปรแกรมและเรียนรู้ตัวแปร",
    "ประวัติศาสตร์สมัยสุโขทัย พ่อขุนรามคำแหงทรงประดิษฐ์อักษรไทย",
    "วันสงกรานต์เป็นวันขึ้นปีใหม่ไทย มีการรดน้ำดำหัวผู้ใหญ่",
    "หลักการทำบุญตักบาตรและการรักษาศีลห้าในพระพุทธศาสนา",
    "วิธีลดน้ำหนัก ควบคุมแคลอรี ออกกำลังกายสม่ำเสมอ และนอนหลับให้เพียงพอ",
    "การดูแลรักษารถยนต์ เปลี่ยนน้ำมันเครื่อง ตรวจลมยาง และเช็คเบรก",
    "ดาวเคราะห์ในระบบสุริยะ ได้แก่ ดาวพุธ ดาวศุกร์ โลก ดาวอังคาร",
    "การสมัครงานบริษัทเอกชน เตรียมเรซูเม่และฝึกตอบคำถามสัมภาษณ์",
    "เทคนิคการถ่ายภาพด้วยโทรศัพท์มือถือ การจัดองค์ประกอบภาพและแสง",
    # Public-sector topics the lecture does not cover, Thai
    "หลักธรรมาภิบาลหรือการบริหารกิจการบ้านเมืองที่ดี มีหลักนิติธรรม หลักคุณธรรม หลักความโปร่งใส",
    "ขั้นตอนการจัดซื้อจัดจ้างภาครัฐ ตามพระราชบัญญัติการจัดซื้อจัดจ้าง วิธีประกาศเชิญชวน",
    "การสอบบรรจุข้าราชการพลเรือน ภาค ก ภาค ข และภาค ค",
    "การลงโทษทางวินัยข้าราชการ ภาคทัณฑ์ ตัดเงินเดือน ลดขั้นเงินเดือน",
    "การจัดทำงบประมาณรายจ่ายประจำปี สำนักงบประมาณ และการเบิกจ่ายงบประมาณ",
    "รัฐบาลดิจิทัล การให้บริการประชาชนผ่านระบบออนไลน์ และการเชื่อมโยงฐานข้อมูล",
    "ตัวชี้วัดผลการปฏิบัติราชการ คำรับรองการปฏิบัติราชการประจำปี",
    "แผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น การถ่ายโอนภารกิจ",
    "การประเมินผลโครงการ ตัวชี้วัดผลผลิตและผลลัพธ์ การติดตามความก้าวหน้า",
    # English, everyday and adjacent
    "Canberra is the capital city of Australia; Sydney is its largest city.",
    "How to bake bread: mix flour, water, yeast and salt, knead, let it rise, then bake.",
    "The stock market rose today as investors reacted to interest rate news.",
    "To renew a passport, fill in the application form and provide a recent photo.",
    "Photosynthesis converts light energy into chemical energy in plants.",
    "The football club signed a new striker for the coming season.",
    "Symptoms of the common cold include a runny nose, sneezing and a sore throat.",
    "Python is a programming language; install it and learn about variables and loops.",
    "The principles of good governance include the rule of law, transparency and accountability.",
    "Public procurement rules require open tenders for large government contracts.",
    "Civil service examinations test applicants before they are appointed as officials.",
    "The annual budget is prepared by the budget bureau and approved by parliament.",
    "Key performance indicators measure how well an agency meets its targets.",
    "The history of the Roman Empire spans many centuries of conquest and decline.",
    "Climate change raises sea levels and increases extreme weather events.",
)
