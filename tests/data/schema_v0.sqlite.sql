PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE answer_record (
	id INTEGER NOT NULL, 
	user_id BIGINT NOT NULL, 
	chat_id BIGINT NOT NULL, 
	question TEXT NOT NULL, 
	answer TEXT NOT NULL, 
	citations JSON, 
	found BOOLEAN NOT NULL, 
	lang VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	feedback VARCHAR, 
	feedback_at DATETIME, 
	PRIMARY KEY (id)
);
INSERT INTO "answer_record" VALUES(1,7000000001,7000000001,'การมีส่วนร่วมของประชาชนมีกี่ระดับ','การมีส่วนร่วมมี 5 ระดับ ได้แก่ การให้ข้อมูล การปรึกษาหารือ การเกี่ยวข้อง ความร่วมมือ และการเสริมอำนาจแก่ประชาชน [1]','[{"doc": "lecture.md", "title": "\u0e01\u0e32\u0e23\u0e1a\u0e23\u0e34\u0e2b\u0e32\u0e23\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23\u0e41\u0e1a\u0e1a\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "unit": "slide", "number": 8, "label": "\u0e2a\u0e44\u0e25\u0e14\u0e4c 8", "text": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21: Inform, Consult, Involve, Collaborate, Empower"}]',1,'th','2026-12-04 03:17:32.507567','up','2026-12-04 03:17:32.513720');
INSERT INTO "answer_record" VALUES(2,7000000002,7000000002,'What is the capital of France?','The lecture does not cover this.','[]',0,'en','2026-12-04 03:17:32.514587',NULL,NULL);
CREATE TABLE audit_event (
	id INTEGER NOT NULL, 
	actor VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	target TEXT NOT NULL, 
	detail JSON, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "audit_event" VALUES(1,'admin:9001','kb.published','budget-hearing.pdf','{"version": "v2", "passages": 42}','2026-12-04 03:17:32.514979');
CREATE TABLE bot_checklist_chat (
	telegram_id BIGINT NOT NULL, 
	assessment_id INTEGER, 
	awaiting VARCHAR(16) NOT NULL, 
	item_id VARCHAR(32), 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (telegram_id), 
	FOREIGN KEY(assessment_id) REFERENCES checklist_assessment (id)
);
INSERT INTO "bot_checklist_chat" VALUES(7000000001,2,'evidence','a_community','2026-12-04 03:17:34.059134');
CREATE TABLE bot_trainer_draft (
	telegram_id BIGINT NOT NULL, 
	token VARCHAR(16) NOT NULL, 
	step VARCHAR(16) NOT NULL, 
	data JSON NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (telegram_id)
);
INSERT INTO "bot_trainer_draft" VALUES(5000000001,'638c6b','due','{"cohort_id": 1, "cohort_name": "\u0e23\u0e38\u0e48\u0e19\u0e17\u0e35\u0e48 1 \u0e01\u0e23\u0e21\u0e01\u0e32\u0e23\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07", "topic_ids": ["why", "levels"], "topic_titles": [["\u0e17\u0e33\u0e44\u0e21\u0e15\u0e49\u0e2d\u0e07\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "Why participation"], ["\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "Levels of participation"]], "topic_counts": [8, 9], "topics": ["levels"], "count": 10, "pass_mark": 60, "opens_at": "2026-12-02T02:00:00+00:00"}','2026-12-04 03:17:33.291337');
CREATE TABLE bot_user (
	id INTEGER NOT NULL, 
	telegram_id BIGINT NOT NULL, 
	first_name VARCHAR NOT NULL, 
	language VARCHAR, 
	role VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "bot_user" VALUES(1,7000000001,'สมหญิง',NULL,'official','2026-12-04 03:17:32.498117','2026-12-04 03:17:32.498135');
INSERT INTO "bot_user" VALUES(2,7000000002,'Anan','en','official','2026-12-04 03:17:32.504897','2026-12-04 03:17:32.505862');
INSERT INTO "bot_user" VALUES(3,5000000001,'',NULL,'trainer','2026-12-04 03:17:32.507144','2026-12-04 03:17:32.507209');
CREATE TABLE checklist_answer (
	id INTEGER NOT NULL, 
	assessment_id INTEGER NOT NULL, 
	item_id VARCHAR(32) NOT NULL, 
	value VARCHAR(500) NOT NULL, 
	evidence VARCHAR(1000), 
	answered_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_checklist_answer UNIQUE (assessment_id, item_id), 
	FOREIGN KEY(assessment_id) REFERENCES checklist_assessment (id)
);
INSERT INTO "checklist_answer" VALUES(1,1,'a_name','เวทีประชาคมถนนปลอดภัย',NULL,'2026-12-04 03:17:33.347511');
INSERT INTO "checklist_answer" VALUES(2,1,'a_agency','อบต.บ้านใหม่',NULL,'2026-12-04 03:17:33.354798');
INSERT INTO "checklist_answer" VALUES(3,1,'b_inform','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.395847');
INSERT INTO "checklist_answer" VALUES(4,1,'b_consult','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.406770');
INSERT INTO "checklist_answer" VALUES(5,1,'b_involve','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.425198');
INSERT INTO "checklist_answer" VALUES(6,1,'b_codecide','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.445494');
INSERT INTO "checklist_answer" VALUES(7,1,'b_coimpl','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.465405');
INSERT INTO "checklist_answer" VALUES(8,1,'b_empower','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.473139');
INSERT INTO "checklist_answer" VALUES(9,1,'c_open','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.484846');
INSERT INTO "checklist_answer" VALUES(10,1,'c_delib','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.492744');
INSERT INTO "checklist_answer" VALUES(11,1,'c_carried','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.498983');
INSERT INTO "checklist_answer" VALUES(12,1,'c_feedback','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.517124');
INSERT INTO "checklist_answer" VALUES(13,1,'c_voice','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.532916');
INSERT INTO "checklist_answer" VALUES(14,1,'c_reasons','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.536684');
INSERT INTO "checklist_answer" VALUES(15,1,'c_respect','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.552938');
INSERT INTO "checklist_answer" VALUES(16,1,'c_common','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.568976');
INSERT INTO "checklist_answer" VALUES(17,1,'c_support','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.574896');
INSERT INTO "checklist_answer" VALUES(18,1,'d_delib','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.586074');
INSERT INTO "checklist_answer" VALUES(19,1,'d_channel','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.601137');
INSERT INTO "checklist_answer" VALUES(20,1,'d_capacity','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.617380');
INSERT INTO "checklist_answer" VALUES(21,1,'d_rules','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.637080');
INSERT INTO "checklist_answer" VALUES(22,1,'d_labour','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.640920');
INSERT INTO "checklist_answer" VALUES(23,1,'d_sanction','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.666262');
INSERT INTO "checklist_answer" VALUES(24,1,'d_spread','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.683370');
INSERT INTO "checklist_answer" VALUES(25,1,'d_struct','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.713329');
INSERT INTO "checklist_answer" VALUES(26,1,'d_methods','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.737437');
INSERT INTO "checklist_answer" VALUES(27,1,'d_culture','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.770004');
INSERT INTO "checklist_answer" VALUES(28,1,'d_policy','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.781136');
INSERT INTO "checklist_answer" VALUES(29,1,'d_staff','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.801079');
INSERT INTO "checklist_answer" VALUES(30,1,'e_leader','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.817404');
INSERT INTO "checklist_answer" VALUES(31,1,'e_power','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.845015');
INSERT INTO "checklist_answer" VALUES(32,1,'e_culture','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.861131');
INSERT INTO "checklist_answer" VALUES(33,1,'e_mission','yes','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.877329');
INSERT INTO "checklist_answer" VALUES(34,1,'f_form','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.896965');
INSERT INTO "checklist_answer" VALUES(35,1,'f_structure','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.907306');
INSERT INTO "checklist_answer" VALUES(36,1,'f_illusion','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.933379');
INSERT INTO "checklist_answer" VALUES(37,1,'f_dominate','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.956617');
INSERT INTO "checklist_answer" VALUES(38,1,'f_conflict','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.973525');
INSERT INTO "checklist_answer" VALUES(39,1,'f_apathy','no','รายงานการประชุม 12 พ.ย.','2026-12-04 03:17:33.981295');
INSERT INTO "checklist_answer" VALUES(40,2,'a_name','ขยะชุมชน',NULL,'2026-12-04 03:17:34.022989');
CREATE TABLE checklist_assessment (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	checklist_id VARCHAR(32) NOT NULL, 
	checklist_version INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	current_item VARCHAR(32), 
	result JSON, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES checklist_project (id)
);
INSERT INTO "checklist_assessment" VALUES(1,1,'pgq',1,'finished','2026-12-04 03:17:33.345512','2026-12-04 03:17:33.995533',NULL,'{"checklist_id": "pgq", "checklist_version": 1, "sections": [{"section_id": "B", "title": {"th": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Participation level"}, "score": 100.0, "answered": 6, "total": 6, "gaps": []}, {"section_id": "C", "title": {"th": "\u0e04\u0e38\u0e13\u0e20\u0e32\u0e1e\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Quality of participation"}, "score": 100.0, "answered": 9, "total": 9, "gaps": []}, {"section_id": "D", "title": {"th": "\u0e25\u0e31\u0e01\u0e29\u0e13\u0e30\u0e2a\u0e33\u0e04\u0e31\u0e0d", "en": "Traits"}, "score": 100.0, "answered": 12, "total": 12, "gaps": []}, {"section_id": "E", "title": {"th": "\u0e1b\u0e31\u0e08\u0e08\u0e31\u0e22\u0e04\u0e27\u0e32\u0e21\u0e2a\u0e33\u0e40\u0e23\u0e47\u0e08", "en": "Success factors"}, "score": 100.0, "answered": 4, "total": 4, "gaps": []}, {"section_id": "F", "title": {"th": "\u0e02\u0e49\u0e2d\u0e04\u0e27\u0e23\u0e23\u0e30\u0e27\u0e31\u0e07", "en": "Pitfalls"}, "score": 100.0, "answered": 6, "total": 6, "gaps": []}], "overall": 100.0, "maturity": {"id": "pg_org", "min_score": 80.0, "label": {"th": "\u0e2d\u0e07\u0e04\u0e4c\u0e01\u0e32\u0e23\u0e41\u0e1a\u0e1a\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Participatory governance organisation"}, "description": {"th": "\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e38\u0e49\u0e19\u0e2a\u0e48\u0e27\u0e19\u0e04\u0e23\u0e1a\u0e27\u0e07\u0e08\u0e23 \u0e1d\u0e31\u0e07\u0e2d\u0e22\u0e39\u0e48\u0e43\u0e19\u0e42\u0e04\u0e23\u0e07\u0e2a\u0e23\u0e49\u0e32\u0e07 \u0e27\u0e34\u0e18\u0e35\u0e17\u0e33\u0e07\u0e32\u0e19 \u0e27\u0e31\u0e12\u0e19\u0e18\u0e23\u0e23\u0e21 \u0e41\u0e25\u0e30\u0e1a\u0e38\u0e04\u0e25\u0e32\u0e01\u0e23", "en": "Full partnership built into structure, working methods, culture and staff."}, "slides": [11, 18, 21], "requires_level": "collaborate"}, "maturity_capped": false, "level_check": {"claimed": null, "shown": "empower", "flagged": false, "message": {"th": "\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e23\u0e30\u0e1a\u0e38\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e17\u0e35\u0e48\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2d\u0e49\u0e32\u0e07\u0e44\u0e27\u0e49 \u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e41\u0e2a\u0e14\u0e07\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08 (\u0e2a\u0e44\u0e25\u0e14\u0e4c 8-9)", "en": "No level was stated; the answers show Empower (slides 8-9)."}, "slides": [8, 9, 10]}, "items": [{"item_id": "b_inform", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "b_consult", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "b_involve", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "b_codecide", "section_id": "B", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "b_coimpl", "section_id": "B", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "b_empower", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_open", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_delib", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_carried", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_feedback", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_voice", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "c_reasons", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "c_respect", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_common", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_support", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_delib", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "d_channel", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_capacity", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "d_rules", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_labour", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_sanction", "section_id": "D", "value": "yes", "score": 1.0, "weight": 0.5}, {"item_id": "d_spread", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_struct", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_methods", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_culture", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_policy", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_staff", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "e_leader", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "e_power", "section_id": "E", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "e_culture", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "e_mission", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "f_form", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.5}, {"item_id": "f_structure", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}, {"item_id": "f_illusion", "section_id": "F", "value": "no", "score": 1.0, "weight": 2.0}, {"item_id": "f_dominate", "section_id": "F", "value": "no", "score": 1.0, "weight": 2.0}, {"item_id": "f_conflict", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}, {"item_id": "f_apathy", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}]}');
INSERT INTO "checklist_assessment" VALUES(2,2,'pgq',1,'in_progress','2026-12-04 03:17:34.022129',NULL,'a_agency','null');
CREATE TABLE checklist_project (
	id INTEGER NOT NULL, 
	owner_id BIGINT NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	agency VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "checklist_project" VALUES(1,7000000001,'เวทีประชาคมถนนปลอดภัย','อบต.บ้านใหม่','2026-12-04 03:17:33.320438');
INSERT INTO "checklist_project" VALUES(2,7000000001,'ขยะชุมชน','','2026-12-04 03:17:34.012461');
CREATE TABLE kb_staging (
	id INTEGER NOT NULL, 
	actor_id BIGINT, 
	actor VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	target TEXT NOT NULL, 
	file_name VARCHAR NOT NULL, 
	version VARCHAR, 
	base_version VARCHAR, 
	status VARCHAR NOT NULL, 
	slot INTEGER, 
	created_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	report JSON, 
	preview JSON, 
	gate JSON, 
	PRIMARY KEY (id), 
	UNIQUE (slot)
);
INSERT INTO "kb_staging" VALUES(1,9001,'admin:9001','add','budget-hearing.pdf','budget-hearing.pdf','v2','v1','published',NULL,'2026-12-04 03:17:32.532230','2026-12-04 03:17:32.557779','{"version": "v2", "added": ["budget-hearing.pdf"], "changed": [], "removed": [], "unchanged": ["lecture.md"], "passages": 42, "embedded": 6, "reused": 36, "errors": [], "seconds": 3.5}','{"version": "v2", "changes": [{"doc": "budget-hearing.pdf", "title": "\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13", "status": "added", "passages_before": 0, "passages_after": 6, "passages_added": 6, "passages_removed": 0}], "passages_before": 36, "passages_after": 42, "samples": [{"doc": "budget-hearing.pdf", "title": "\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13", "unit": "page", "number": 1, "text": "\u0e40\u0e17\u0e28\u0e1a\u0e32\u0e25\u0e40\u0e1b\u0e34\u0e14\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e15\u0e48\u0e2d\u0e23\u0e48\u0e32\u0e07\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13"}], "warnings": [{"code": "little_text", "values": {"doc": "budget-hearing.pdf", "chars": 180}}]}','{"total": 20, "live_hits": 17, "staged_hits": 18, "regressions": [], "fixed": [{"id": "admin-1", "question": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e2a\u0e39\u0e07\u0e2a\u0e38\u0e14\u0e02\u0e2d\u0e07\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21\u0e04\u0e37\u0e2d\u0e2d\u0e30\u0e44\u0e23", "expected": ["\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08"], "lang": "th", "origin": "admin"}]}');
CREATE TABLE kb_test_question (
	id INTEGER NOT NULL, 
	question TEXT NOT NULL, 
	expected JSON, 
	lang VARCHAR NOT NULL, 
	added_by VARCHAR NOT NULL, 
	added_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "kb_test_question" VALUES(1,'ระดับสูงสุดของการมีส่วนร่วมคืออะไร','["\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08"]','th','admin:9001','2026-12-04 03:17:32.520595');
CREATE TABLE processed_update (
	bot_id BIGINT NOT NULL, 
	update_id BIGINT NOT NULL, 
	handled_at DATETIME NOT NULL, 
	PRIMARY KEY (bot_id, update_id)
);
INSERT INTO "processed_update" VALUES(123456789,700000001,'2026-12-01 02:00:00.000000');
CREATE TABLE quiz_attempt (
	id INTEGER NOT NULL, 
	user_id BIGINT NOT NULL, 
	chat_id BIGINT NOT NULL, 
	topic VARCHAR, 
	mode VARCHAR NOT NULL, 
	length INTEGER NOT NULL, 
	status VARCHAR NOT NULL, 
	assignment_id INTEGER, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	score INTEGER, 
	PRIMARY KEY (id)
);
INSERT INTO "quiz_attempt" VALUES(1,7000000001,7000000001,NULL,'quiz',3,'finished',NULL,'2026-12-01 02:00:00.000000','2026-12-01 02:03:00.000000',2);
INSERT INTO "quiz_attempt" VALUES(2,7000000001,7000000001,NULL,'assignment',6,'finished',1,'2026-12-01 03:00:00.000000','2026-12-01 03:00:00.000000',5);
CREATE TABLE quiz_attempt_item (
	id INTEGER NOT NULL, 
	attempt_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	question_id VARCHAR NOT NULL, 
	topic VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	option_order JSON NOT NULL, 
	answer_key JSON NOT NULL, 
	poll_id VARCHAR, 
	message_id BIGINT, 
	chosen_index INTEGER, 
	chosen_order JSON, 
	correct BOOLEAN, 
	answered_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (attempt_id, position), 
	FOREIGN KEY(attempt_id) REFERENCES quiz_attempt (id), 
	UNIQUE (poll_id)
);
INSERT INTO "quiz_attempt_item" VALUES(1,1,0,'pp-14','pp_vs_pg','mcq','[0, 2, 3, 1]','[0]',NULL,NULL,0,'null',1,'2026-12-01 02:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(2,1,1,'org-01','organisation','mcq','[1, 3, 2, 0]','[0]',NULL,NULL,1,'null',0,'2026-12-01 02:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(3,1,2,'ic-04','institutional_change','mcq','[2, 0, 1, 3]','[0]',NULL,NULL,0,'null',1,'2026-12-01 02:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(4,2,0,'imp-1','definition','mcq','[1, 2, 0]','[0]',NULL,NULL,0,'null',1,'2026-12-01 03:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(5,2,1,'imp-2','why','mcq','[2, 1, 0]','[0]',NULL,NULL,0,'null',1,'2026-12-01 03:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(6,2,2,'imp-3','levels','mcq','[2, 1, 0]','[0]',NULL,NULL,2,'null',0,'2026-12-01 03:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(7,2,3,'imp-4','levels','mcq','[2, 0, 1]','[0]',NULL,NULL,0,'null',1,'2026-12-01 03:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(8,2,4,'imp-5','why','mcq','[1, 0, 2]','[0]',NULL,NULL,0,'null',1,'2026-12-01 03:00:00.000000');
INSERT INTO "quiz_attempt_item" VALUES(9,2,5,'imp-6','definition','mcq','[1, 0, 2]','[0]',NULL,NULL,0,'null',1,'2026-12-01 03:00:00.000000');
CREATE TABLE quiz_leitner_card (
	id INTEGER NOT NULL, 
	user_id BIGINT NOT NULL, 
	question_id VARCHAR NOT NULL, 
	box INTEGER NOT NULL, 
	due_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (user_id, question_id)
);
INSERT INTO "quiz_leitner_card" VALUES(1,7000000001,'org-01',1,'2026-12-01 02:00:00.000000','2026-12-01 02:00:00.000000');
INSERT INTO "quiz_leitner_card" VALUES(2,7000000001,'imp-3',1,'2026-12-01 03:00:00.000000','2026-12-01 03:00:00.000000');
CREATE TABLE trainer_assignment (
	id INTEGER NOT NULL, 
	cohort_id INTEGER NOT NULL, 
	trainer_id BIGINT NOT NULL, 
	title VARCHAR NOT NULL, 
	topics JSON NOT NULL, 
	question_ids JSON NOT NULL, 
	pass_mark INTEGER NOT NULL, 
	opens_at DATETIME NOT NULL, 
	due_at DATETIME NOT NULL, 
	late_cutoff_at DATETIME, 
	attempts_allowed INTEGER NOT NULL, 
	reveal VARCHAR NOT NULL, 
	reminder_offsets_s JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(cohort_id) REFERENCES trainer_cohort (id)
);
INSERT INTO "trainer_assignment" VALUES(1,1,5000000001,'แบบทดสอบหลังเรียน','[]','["imp-1", "imp-2", "imp-3", "imp-4", "imp-5", "imp-6"]',60,'2026-12-01 02:00:00.000000','2026-12-03 02:00:00.000000',NULL,1,'after_due','[86400, 3600]','2026-12-01 02:00:00.000000');
CREATE TABLE trainer_cohort (
	id INTEGER NOT NULL, 
	trainer_id BIGINT NOT NULL, 
	name VARCHAR NOT NULL, 
	invite_code VARCHAR(16) NOT NULL, 
	is_open BOOLEAN NOT NULL, 
	group_chat_id BIGINT, 
	leaderboard_enabled BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (group_chat_id)
);
INSERT INTO "trainer_cohort" VALUES(1,5000000001,'รุ่นที่ 1 กรมการปกครอง','FDTZA6FX',1,NULL,0,'2026-12-04 03:17:32.642986');
CREATE TABLE trainer_cohort_member (
	id INTEGER NOT NULL, 
	cohort_id INTEGER NOT NULL, 
	user_id BIGINT NOT NULL, 
	first_name VARCHAR NOT NULL, 
	leaderboard_opt_in BOOLEAN NOT NULL, 
	joined_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (cohort_id, user_id), 
	FOREIGN KEY(cohort_id) REFERENCES trainer_cohort (id)
);
INSERT INTO "trainer_cohort_member" VALUES(1,1,7000000001,'ผู้เรียน L1',0,'2026-12-04 03:17:32.667339');
INSERT INTO "trainer_cohort_member" VALUES(2,1,7000000004,'ผู้เรียน L4',0,'2026-12-04 03:17:32.686170');
CREATE TABLE trainer_imported_question (
	id INTEGER NOT NULL, 
	owner_id BIGINT NOT NULL, 
	batch VARCHAR(32) NOT NULL, 
	source_name VARCHAR NOT NULL, 
	source_format VARCHAR NOT NULL, 
	source_line INTEGER NOT NULL, 
	topic VARCHAR NOT NULL, 
	data JSON NOT NULL, 
	active BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "trainer_imported_question" VALUES(1,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',2,'definition','{"id": "imp-1", "kind": "mcq", "topic": "definition", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 1", "en": "Question 1"}, "options": [{"th": "\u0e16\u0e39\u0e01 1", "en": "right 1"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 1", "en": "wrong a 1"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 1", "en": "wrong b 1"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 1", "en": "The right answer is: right 1"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 1", "en": "The right answer is: right 1"}, "sources": [["participatory-governance.md", 2]], "shuffle": true, "file": "questions.csv", "line": 2}',1,'2026-12-04 03:17:32.688797');
INSERT INTO "trainer_imported_question" VALUES(2,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',3,'why','{"id": "imp-2", "kind": "mcq", "topic": "why", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 2", "en": "Question 2"}, "options": [{"th": "\u0e16\u0e39\u0e01 2", "en": "right 2"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 2", "en": "wrong a 2"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 2", "en": "wrong b 2"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 2", "en": "The right answer is: right 2"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 2", "en": "The right answer is: right 2"}, "sources": [["participatory-governance.md", 5]], "shuffle": true, "file": "questions.csv", "line": 3}',1,'2026-12-04 03:17:32.688797');
INSERT INTO "trainer_imported_question" VALUES(3,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',4,'levels','{"id": "imp-3", "kind": "mcq", "topic": "levels", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 3", "en": "Question 3"}, "options": [{"th": "\u0e16\u0e39\u0e01 3", "en": "right 3"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 3", "en": "wrong a 3"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 3", "en": "wrong b 3"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 3", "en": "The right answer is: right 3"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 3", "en": "The right answer is: right 3"}, "sources": [["participatory-governance.md", 8]], "shuffle": true, "file": "questions.csv", "line": 4}',1,'2026-12-04 03:17:32.688797');
INSERT INTO "trainer_imported_question" VALUES(4,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',5,'levels','{"id": "imp-4", "kind": "mcq", "topic": "levels", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 4", "en": "Question 4"}, "options": [{"th": "\u0e16\u0e39\u0e01 4", "en": "right 4"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 4", "en": "wrong a 4"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 4", "en": "wrong b 4"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 4", "en": "The right answer is: right 4"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 4", "en": "The right answer is: right 4"}, "sources": [["participatory-governance.md", 8], ["participatory-governance.md", 9]], "shuffle": true, "file": "questions.csv", "line": 5}',1,'2026-12-04 03:17:32.688797');
INSERT INTO "trainer_imported_question" VALUES(5,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',6,'why','{"id": "imp-5", "kind": "mcq", "topic": "why", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 5", "en": "Question 5"}, "options": [{"th": "\u0e16\u0e39\u0e01 5", "en": "right 5"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 5", "en": "wrong a 5"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 5", "en": "wrong b 5"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 5", "en": "The right answer is: right 5"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 5", "en": "The right answer is: right 5"}, "sources": [["participatory-governance.md", 6]], "shuffle": true, "file": "questions.csv", "line": 6}',1,'2026-12-04 03:17:32.688797');
INSERT INTO "trainer_imported_question" VALUES(6,5000000001,'f29c07ac3b624b859b36fd6a4eecbf27','questions.csv','csv',7,'definition','{"id": "imp-6", "kind": "mcq", "topic": "definition", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 6", "en": "Question 6"}, "options": [{"th": "\u0e16\u0e39\u0e01 6", "en": "right 6"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 6", "en": "wrong a 6"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 6", "en": "wrong b 6"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 6", "en": "The right answer is: right 6"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 6", "en": "The right answer is: right 6"}, "sources": [["participatory-governance.md", 3]], "shuffle": true, "file": "questions.csv", "line": 7}',1,'2026-12-04 03:17:32.688797');
CREATE TABLE trainer_notice_sent (
	id INTEGER NOT NULL, 
	assignment_id INTEGER NOT NULL, 
	user_id BIGINT NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	sent_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (assignment_id, user_id, kind), 
	FOREIGN KEY(assignment_id) REFERENCES trainer_assignment (id)
);
INSERT INTO "trainer_notice_sent" VALUES(1,1,7000000004,'announce','2026-12-01 02:00:00.000000');
CREATE UNIQUE INDEX ix_bot_user_telegram_id ON bot_user (telegram_id);
CREATE INDEX ix_answer_record_user_id ON answer_record (user_id);
CREATE INDEX ix_processed_update_handled_at ON processed_update (handled_at);
CREATE INDEX ix_quiz_attempt_status ON quiz_attempt (status);
CREATE INDEX ix_quiz_attempt_assignment_id ON quiz_attempt (assignment_id);
CREATE INDEX ix_quiz_attempt_user_id ON quiz_attempt (user_id);
CREATE INDEX ix_quiz_leitner_card_user_id ON quiz_leitner_card (user_id);
CREATE INDEX ix_quiz_leitner_card_due_at ON quiz_leitner_card (due_at);
CREATE INDEX ix_checklist_project_owner_id ON checklist_project (owner_id);
CREATE INDEX ix_audit_event_action ON audit_event (action);
CREATE INDEX ix_audit_event_at ON audit_event (at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor);
CREATE UNIQUE INDEX ix_trainer_cohort_invite_code ON trainer_cohort (invite_code);
CREATE INDEX ix_trainer_cohort_trainer_id ON trainer_cohort (trainer_id);
CREATE INDEX ix_trainer_imported_question_owner_id ON trainer_imported_question (owner_id);
CREATE INDEX ix_trainer_imported_question_topic ON trainer_imported_question (topic);
CREATE INDEX ix_trainer_imported_question_batch ON trainer_imported_question (batch);
CREATE INDEX ix_quiz_attempt_item_attempt_id ON quiz_attempt_item (attempt_id);
CREATE INDEX ix_quiz_attempt_item_question_id ON quiz_attempt_item (question_id);
CREATE INDEX ix_checklist_assessment_status ON checklist_assessment (status);
CREATE INDEX ix_checklist_assessment_project_id ON checklist_assessment (project_id);
CREATE INDEX ix_trainer_cohort_member_user_id ON trainer_cohort_member (user_id);
CREATE INDEX ix_trainer_cohort_member_cohort_id ON trainer_cohort_member (cohort_id);
CREATE INDEX ix_trainer_assignment_due_at ON trainer_assignment (due_at);
CREATE INDEX ix_trainer_assignment_trainer_id ON trainer_assignment (trainer_id);
CREATE INDEX ix_trainer_assignment_cohort_id ON trainer_assignment (cohort_id);
CREATE INDEX ix_checklist_answer_assessment_id ON checklist_answer (assessment_id);
CREATE INDEX ix_trainer_notice_sent_assignment_id ON trainer_notice_sent (assignment_id);
COMMIT;
