CREATE TABLE answer_record (
    id integer NOT NULL,
    user_id bigint NOT NULL,
    chat_id bigint NOT NULL,
    question text NOT NULL,
    answer text NOT NULL,
    citations json,
    found boolean NOT NULL,
    lang character varying NOT NULL,
    created_at timestamp without time zone NOT NULL,
    feedback character varying,
    feedback_at timestamp without time zone
);
CREATE SEQUENCE answer_record_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE answer_record_id_seq OWNED BY answer_record.id;
CREATE TABLE audit_event (
    id integer NOT NULL,
    actor character varying NOT NULL,
    action character varying NOT NULL,
    target text NOT NULL,
    detail json,
    at timestamp without time zone NOT NULL
);
CREATE SEQUENCE audit_event_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
CREATE TABLE bot_checklist_chat (
    telegram_id bigint NOT NULL,
    assessment_id integer,
    awaiting character varying(16) NOT NULL,
    item_id character varying(32),
    updated_at timestamp without time zone NOT NULL
);
CREATE TABLE bot_trainer_draft (
    telegram_id bigint NOT NULL,
    token character varying(16) NOT NULL,
    step character varying(16) NOT NULL,
    data json NOT NULL,
    updated_at timestamp without time zone NOT NULL
);
CREATE TABLE bot_user (
    id integer NOT NULL,
    telegram_id bigint NOT NULL,
    first_name character varying NOT NULL,
    language character varying,
    role character varying NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE bot_user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE bot_user_id_seq OWNED BY bot_user.id;
CREATE TABLE checklist_answer (
    id integer NOT NULL,
    assessment_id integer NOT NULL,
    item_id character varying(32) NOT NULL,
    value character varying(500) NOT NULL,
    evidence character varying(1000),
    answered_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE checklist_answer_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE checklist_answer_id_seq OWNED BY checklist_answer.id;
CREATE TABLE checklist_assessment (
    id integer NOT NULL,
    project_id integer NOT NULL,
    checklist_id character varying(32) NOT NULL,
    checklist_version integer NOT NULL,
    status character varying(16) NOT NULL,
    started_at timestamp without time zone NOT NULL,
    finished_at timestamp without time zone,
    current_item character varying(32),
    result json
);
CREATE SEQUENCE checklist_assessment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE checklist_assessment_id_seq OWNED BY checklist_assessment.id;
CREATE TABLE checklist_project (
    id integer NOT NULL,
    owner_id bigint NOT NULL,
    name character varying(200) NOT NULL,
    agency character varying(200) NOT NULL,
    created_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE checklist_project_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE checklist_project_id_seq OWNED BY checklist_project.id;
CREATE TABLE kb_staging (
    id integer NOT NULL,
    actor_id bigint,
    actor character varying NOT NULL,
    action character varying NOT NULL,
    target text NOT NULL,
    file_name character varying NOT NULL,
    version character varying,
    base_version character varying,
    status character varying NOT NULL,
    slot integer,
    created_at timestamp without time zone NOT NULL,
    finished_at timestamp without time zone,
    report json,
    preview json,
    gate json
);
CREATE SEQUENCE kb_staging_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE kb_staging_id_seq OWNED BY kb_staging.id;
CREATE TABLE kb_test_question (
    id integer NOT NULL,
    question text NOT NULL,
    expected json,
    lang character varying NOT NULL,
    added_by character varying NOT NULL,
    added_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE kb_test_question_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE kb_test_question_id_seq OWNED BY kb_test_question.id;
CREATE TABLE processed_update (
    bot_id bigint NOT NULL,
    update_id bigint NOT NULL,
    handled_at timestamp without time zone NOT NULL
);
CREATE TABLE quiz_attempt (
    id integer NOT NULL,
    user_id bigint NOT NULL,
    chat_id bigint NOT NULL,
    topic character varying,
    mode character varying NOT NULL,
    length integer NOT NULL,
    status character varying NOT NULL,
    assignment_id integer,
    started_at timestamp without time zone NOT NULL,
    finished_at timestamp without time zone,
    score integer
);
CREATE SEQUENCE quiz_attempt_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE quiz_attempt_id_seq OWNED BY quiz_attempt.id;
CREATE TABLE quiz_attempt_item (
    id integer NOT NULL,
    attempt_id integer NOT NULL,
    "position" integer NOT NULL,
    question_id character varying NOT NULL,
    topic character varying NOT NULL,
    kind character varying NOT NULL,
    option_order json NOT NULL,
    answer_key json NOT NULL,
    poll_id character varying,
    message_id bigint,
    chosen_index integer,
    chosen_order json,
    correct boolean,
    answered_at timestamp without time zone
);
CREATE SEQUENCE quiz_attempt_item_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE quiz_attempt_item_id_seq OWNED BY quiz_attempt_item.id;
CREATE TABLE quiz_leitner_card (
    id integer NOT NULL,
    user_id bigint NOT NULL,
    question_id character varying NOT NULL,
    box integer NOT NULL,
    due_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE quiz_leitner_card_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE quiz_leitner_card_id_seq OWNED BY quiz_leitner_card.id;
CREATE TABLE trainer_assignment (
    id integer NOT NULL,
    cohort_id integer NOT NULL,
    trainer_id bigint NOT NULL,
    title character varying NOT NULL,
    topics json NOT NULL,
    question_ids json NOT NULL,
    pass_mark integer NOT NULL,
    opens_at timestamp without time zone NOT NULL,
    due_at timestamp without time zone NOT NULL,
    late_cutoff_at timestamp without time zone,
    attempts_allowed integer NOT NULL,
    reveal character varying NOT NULL,
    reminder_offsets_s json NOT NULL,
    created_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE trainer_assignment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE trainer_assignment_id_seq OWNED BY trainer_assignment.id;
CREATE TABLE trainer_cohort (
    id integer NOT NULL,
    trainer_id bigint NOT NULL,
    name character varying NOT NULL,
    invite_code character varying(16) NOT NULL,
    is_open boolean NOT NULL,
    group_chat_id bigint,
    leaderboard_enabled boolean NOT NULL,
    created_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE trainer_cohort_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE trainer_cohort_id_seq OWNED BY trainer_cohort.id;
CREATE TABLE trainer_cohort_member (
    id integer NOT NULL,
    cohort_id integer NOT NULL,
    user_id bigint NOT NULL,
    first_name character varying NOT NULL,
    leaderboard_opt_in boolean NOT NULL,
    joined_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE trainer_cohort_member_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE trainer_cohort_member_id_seq OWNED BY trainer_cohort_member.id;
CREATE TABLE trainer_imported_question (
    id integer NOT NULL,
    owner_id bigint NOT NULL,
    batch character varying(32) NOT NULL,
    source_name character varying NOT NULL,
    source_format character varying NOT NULL,
    source_line integer NOT NULL,
    topic character varying NOT NULL,
    data json NOT NULL,
    active boolean NOT NULL,
    created_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE trainer_imported_question_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE trainer_imported_question_id_seq OWNED BY trainer_imported_question.id;
CREATE TABLE trainer_notice_sent (
    id integer NOT NULL,
    assignment_id integer NOT NULL,
    user_id bigint NOT NULL,
    kind character varying(32) NOT NULL,
    sent_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE trainer_notice_sent_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE trainer_notice_sent_id_seq OWNED BY trainer_notice_sent.id;
ALTER TABLE ONLY answer_record ALTER COLUMN id SET DEFAULT nextval('answer_record_id_seq'::regclass);
ALTER TABLE ONLY audit_event ALTER COLUMN id SET DEFAULT nextval('audit_event_id_seq'::regclass);
ALTER TABLE ONLY bot_user ALTER COLUMN id SET DEFAULT nextval('bot_user_id_seq'::regclass);
ALTER TABLE ONLY checklist_answer ALTER COLUMN id SET DEFAULT nextval('checklist_answer_id_seq'::regclass);
ALTER TABLE ONLY checklist_assessment ALTER COLUMN id SET DEFAULT nextval('checklist_assessment_id_seq'::regclass);
ALTER TABLE ONLY checklist_project ALTER COLUMN id SET DEFAULT nextval('checklist_project_id_seq'::regclass);
ALTER TABLE ONLY kb_staging ALTER COLUMN id SET DEFAULT nextval('kb_staging_id_seq'::regclass);
ALTER TABLE ONLY kb_test_question ALTER COLUMN id SET DEFAULT nextval('kb_test_question_id_seq'::regclass);
ALTER TABLE ONLY quiz_attempt ALTER COLUMN id SET DEFAULT nextval('quiz_attempt_id_seq'::regclass);
ALTER TABLE ONLY quiz_attempt_item ALTER COLUMN id SET DEFAULT nextval('quiz_attempt_item_id_seq'::regclass);
ALTER TABLE ONLY quiz_leitner_card ALTER COLUMN id SET DEFAULT nextval('quiz_leitner_card_id_seq'::regclass);
ALTER TABLE ONLY trainer_assignment ALTER COLUMN id SET DEFAULT nextval('trainer_assignment_id_seq'::regclass);
ALTER TABLE ONLY trainer_cohort ALTER COLUMN id SET DEFAULT nextval('trainer_cohort_id_seq'::regclass);
ALTER TABLE ONLY trainer_cohort_member ALTER COLUMN id SET DEFAULT nextval('trainer_cohort_member_id_seq'::regclass);
ALTER TABLE ONLY trainer_imported_question ALTER COLUMN id SET DEFAULT nextval('trainer_imported_question_id_seq'::regclass);
ALTER TABLE ONLY trainer_notice_sent ALTER COLUMN id SET DEFAULT nextval('trainer_notice_sent_id_seq'::regclass);
INSERT INTO answer_record VALUES (1, 7000000001, 7000000001, 'การมีส่วนร่วมของประชาชนมีกี่ระดับ', 'การมีส่วนร่วมมี 5 ระดับ ได้แก่ การให้ข้อมูล การปรึกษาหารือ การเกี่ยวข้อง ความร่วมมือ และการเสริมอำนาจแก่ประชาชน [1]', '[{"doc": "lecture.md", "title": "\u0e01\u0e32\u0e23\u0e1a\u0e23\u0e34\u0e2b\u0e32\u0e23\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23\u0e41\u0e1a\u0e1a\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "unit": "slide", "number": 8, "label": "\u0e2a\u0e44\u0e25\u0e14\u0e4c 8", "text": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21: Inform, Consult, Involve, Collaborate, Empower"}]', true, 'th', '2026-12-04 03:17:36.65032', 'up', '2026-12-04 03:17:36.660569');
INSERT INTO answer_record VALUES (2, 7000000002, 7000000002, 'What is the capital of France?', 'The lecture does not cover this.', '[]', false, 'en', '2026-12-04 03:17:36.67251', NULL, NULL);
INSERT INTO audit_event VALUES (1, 'admin:9001', 'kb.published', 'budget-hearing.pdf', '{"version": "v2", "passages": 42}', '2026-12-04 03:17:36.676446');
INSERT INTO bot_checklist_chat VALUES (7000000001, 2, 'evidence', 'a_community', '2026-12-04 03:17:38.14061');
INSERT INTO bot_trainer_draft VALUES (5000000001, '2b33db', 'due', '{"cohort_id": 1, "cohort_name": "\u0e23\u0e38\u0e48\u0e19\u0e17\u0e35\u0e48 1 \u0e01\u0e23\u0e21\u0e01\u0e32\u0e23\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07", "topic_ids": ["why", "levels"], "topic_titles": [["\u0e17\u0e33\u0e44\u0e21\u0e15\u0e49\u0e2d\u0e07\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "Why participation"], ["\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "Levels of participation"]], "topic_counts": [8, 9], "topics": ["levels"], "count": 10, "pass_mark": 60, "opens_at": "2026-12-02T02:00:00+00:00"}', '2026-12-04 03:17:37.249258');
INSERT INTO bot_user VALUES (1, 7000000001, 'สมหญิง', NULL, 'official', '2026-12-04 03:17:36.60477', '2026-12-04 03:17:36.604791');
INSERT INTO bot_user VALUES (2, 7000000002, 'Anan', 'en', 'official', '2026-12-04 03:17:36.618328', '2026-12-04 03:17:36.632623');
INSERT INTO bot_user VALUES (3, 5000000001, '', NULL, 'trainer', '2026-12-04 03:17:36.64848', '2026-12-04 03:17:36.648591');
INSERT INTO checklist_answer VALUES (1, 1, 'a_name', 'เวทีประชาคมถนนปลอดภัย', NULL, '2026-12-04 03:17:37.31161');
INSERT INTO checklist_answer VALUES (2, 1, 'a_agency', 'อบต.บ้านใหม่', NULL, '2026-12-04 03:17:37.311765');
INSERT INTO checklist_answer VALUES (3, 1, 'b_inform', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.363992');
INSERT INTO checklist_answer VALUES (4, 1, 'b_consult', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.385131');
INSERT INTO checklist_answer VALUES (5, 1, 'b_involve', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.398306');
INSERT INTO checklist_answer VALUES (6, 1, 'b_codecide', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.412303');
INSERT INTO checklist_answer VALUES (7, 1, 'b_coimpl', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.44534');
INSERT INTO checklist_answer VALUES (8, 1, 'b_empower', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.459009');
INSERT INTO checklist_answer VALUES (9, 1, 'c_open', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.484025');
INSERT INTO checklist_answer VALUES (10, 1, 'c_delib', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.497105');
INSERT INTO checklist_answer VALUES (11, 1, 'c_carried', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.511103');
INSERT INTO checklist_answer VALUES (12, 1, 'c_feedback', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.538511');
INSERT INTO checklist_answer VALUES (13, 1, 'c_voice', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.562527');
INSERT INTO checklist_answer VALUES (14, 1, 'c_reasons', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.590052');
INSERT INTO checklist_answer VALUES (15, 1, 'c_respect', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.616851');
INSERT INTO checklist_answer VALUES (16, 1, 'c_common', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.624482');
INSERT INTO checklist_answer VALUES (17, 1, 'c_support', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.637596');
INSERT INTO checklist_answer VALUES (18, 1, 'd_delib', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.660891');
INSERT INTO checklist_answer VALUES (19, 1, 'd_channel', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.680328');
INSERT INTO checklist_answer VALUES (20, 1, 'd_capacity', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.693733');
INSERT INTO checklist_answer VALUES (21, 1, 'd_rules', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.709991');
INSERT INTO checklist_answer VALUES (22, 1, 'd_labour', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.737871');
INSERT INTO checklist_answer VALUES (23, 1, 'd_sanction', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.745792');
INSERT INTO checklist_answer VALUES (24, 1, 'd_spread', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.768412');
INSERT INTO checklist_answer VALUES (25, 1, 'd_struct', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.7884');
INSERT INTO checklist_answer VALUES (26, 1, 'd_methods', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.803543');
INSERT INTO checklist_answer VALUES (27, 1, 'd_culture', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.828527');
INSERT INTO checklist_answer VALUES (28, 1, 'd_policy', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.842157');
INSERT INTO checklist_answer VALUES (29, 1, 'd_staff', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.856338');
INSERT INTO checklist_answer VALUES (30, 1, 'e_leader', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.877266');
INSERT INTO checklist_answer VALUES (31, 1, 'e_power', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.888803');
INSERT INTO checklist_answer VALUES (32, 1, 'e_culture', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.908651');
INSERT INTO checklist_answer VALUES (33, 1, 'e_mission', 'yes', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.928468');
INSERT INTO checklist_answer VALUES (34, 1, 'f_form', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.944733');
INSERT INTO checklist_answer VALUES (35, 1, 'f_structure', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.976947');
INSERT INTO checklist_answer VALUES (36, 1, 'f_illusion', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:37.983227');
INSERT INTO checklist_answer VALUES (37, 1, 'f_dominate', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:38.006219');
INSERT INTO checklist_answer VALUES (38, 1, 'f_conflict', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:38.026153');
INSERT INTO checklist_answer VALUES (39, 1, 'f_apathy', 'no', 'รายงานการประชุม 12 พ.ย.', '2026-12-04 03:17:38.046436');
INSERT INTO checklist_answer VALUES (40, 2, 'a_name', 'ขยะชุมชน', NULL, '2026-12-04 03:17:38.10894');
INSERT INTO checklist_assessment VALUES (1, 1, 'pgq', 1, 'finished', '2026-12-04 03:17:37.308651', '2026-12-04 03:17:38.069538', NULL, '{"checklist_id": "pgq", "checklist_version": 1, "sections": [{"section_id": "B", "title": {"th": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Participation level"}, "score": 100.0, "answered": 6, "total": 6, "gaps": []}, {"section_id": "C", "title": {"th": "\u0e04\u0e38\u0e13\u0e20\u0e32\u0e1e\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Quality of participation"}, "score": 100.0, "answered": 9, "total": 9, "gaps": []}, {"section_id": "D", "title": {"th": "\u0e25\u0e31\u0e01\u0e29\u0e13\u0e30\u0e2a\u0e33\u0e04\u0e31\u0e0d", "en": "Traits"}, "score": 100.0, "answered": 12, "total": 12, "gaps": []}, {"section_id": "E", "title": {"th": "\u0e1b\u0e31\u0e08\u0e08\u0e31\u0e22\u0e04\u0e27\u0e32\u0e21\u0e2a\u0e33\u0e40\u0e23\u0e47\u0e08", "en": "Success factors"}, "score": 100.0, "answered": 4, "total": 4, "gaps": []}, {"section_id": "F", "title": {"th": "\u0e02\u0e49\u0e2d\u0e04\u0e27\u0e23\u0e23\u0e30\u0e27\u0e31\u0e07", "en": "Pitfalls"}, "score": 100.0, "answered": 6, "total": 6, "gaps": []}], "overall": 100.0, "maturity": {"id": "pg_org", "min_score": 80.0, "label": {"th": "\u0e2d\u0e07\u0e04\u0e4c\u0e01\u0e32\u0e23\u0e41\u0e1a\u0e1a\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21", "en": "Participatory governance organisation"}, "description": {"th": "\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e38\u0e49\u0e19\u0e2a\u0e48\u0e27\u0e19\u0e04\u0e23\u0e1a\u0e27\u0e07\u0e08\u0e23 \u0e1d\u0e31\u0e07\u0e2d\u0e22\u0e39\u0e48\u0e43\u0e19\u0e42\u0e04\u0e23\u0e07\u0e2a\u0e23\u0e49\u0e32\u0e07 \u0e27\u0e34\u0e18\u0e35\u0e17\u0e33\u0e07\u0e32\u0e19 \u0e27\u0e31\u0e12\u0e19\u0e18\u0e23\u0e23\u0e21 \u0e41\u0e25\u0e30\u0e1a\u0e38\u0e04\u0e25\u0e32\u0e01\u0e23", "en": "Full partnership built into structure, working methods, culture and staff."}, "slides": [11, 18, 21], "requires_level": "collaborate"}, "maturity_capped": false, "level_check": {"claimed": null, "shown": "empower", "flagged": false, "message": {"th": "\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e23\u0e30\u0e1a\u0e38\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e17\u0e35\u0e48\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2d\u0e49\u0e32\u0e07\u0e44\u0e27\u0e49 \u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e41\u0e2a\u0e14\u0e07\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08 (\u0e2a\u0e44\u0e25\u0e14\u0e4c 8-9)", "en": "No level was stated; the answers show Empower (slides 8-9)."}, "slides": [8, 9, 10]}, "items": [{"item_id": "b_inform", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "b_consult", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "b_involve", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "b_codecide", "section_id": "B", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "b_coimpl", "section_id": "B", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "b_empower", "section_id": "B", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_open", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_delib", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_carried", "section_id": "C", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "c_feedback", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_voice", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "c_reasons", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "c_respect", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_common", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "c_support", "section_id": "C", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_delib", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "d_channel", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_capacity", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "d_rules", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_labour", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_sanction", "section_id": "D", "value": "yes", "score": 1.0, "weight": 0.5}, {"item_id": "d_spread", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_struct", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_methods", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_culture", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_policy", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "d_staff", "section_id": "D", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "e_leader", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "e_power", "section_id": "E", "value": "yes", "score": 1.0, "weight": 2.0}, {"item_id": "e_culture", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.5}, {"item_id": "e_mission", "section_id": "E", "value": "yes", "score": 1.0, "weight": 1.0}, {"item_id": "f_form", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.5}, {"item_id": "f_structure", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}, {"item_id": "f_illusion", "section_id": "F", "value": "no", "score": 1.0, "weight": 2.0}, {"item_id": "f_dominate", "section_id": "F", "value": "no", "score": 1.0, "weight": 2.0}, {"item_id": "f_conflict", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}, {"item_id": "f_apathy", "section_id": "F", "value": "no", "score": 1.0, "weight": 1.0}]}');
INSERT INTO checklist_assessment VALUES (2, 2, 'pgq', 1, 'in_progress', '2026-12-04 03:17:38.104482', NULL, 'a_agency', 'null');
INSERT INTO checklist_project VALUES (1, 7000000001, 'เวทีประชาคมถนนปลอดภัย', 'อบต.บ้านใหม่', '2026-12-04 03:17:37.272494');
INSERT INTO checklist_project VALUES (2, 7000000001, 'ขยะชุมชน', '', '2026-12-04 03:17:38.080354');
INSERT INTO kb_staging VALUES (1, 9001, 'admin:9001', 'add', 'budget-hearing.pdf', 'budget-hearing.pdf', 'v2', 'v1', 'published', NULL, '2026-12-04 03:17:36.71223', '2026-12-04 03:17:36.776508', '{"version": "v2", "added": ["budget-hearing.pdf"], "changed": [], "removed": [], "unchanged": ["lecture.md"], "passages": 42, "embedded": 6, "reused": 36, "errors": [], "seconds": 3.5}', '{"version": "v2", "changes": [{"doc": "budget-hearing.pdf", "title": "\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13", "status": "added", "passages_before": 0, "passages_after": 6, "passages_added": 6, "passages_removed": 0}], "passages_before": 36, "passages_after": 42, "samples": [{"doc": "budget-hearing.pdf", "title": "\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13", "unit": "page", "number": 1, "text": "\u0e40\u0e17\u0e28\u0e1a\u0e32\u0e25\u0e40\u0e1b\u0e34\u0e14\u0e40\u0e27\u0e17\u0e35\u0e23\u0e31\u0e1a\u0e1f\u0e31\u0e07\u0e04\u0e27\u0e32\u0e21\u0e04\u0e34\u0e14\u0e40\u0e2b\u0e47\u0e19\u0e15\u0e48\u0e2d\u0e23\u0e48\u0e32\u0e07\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13"}], "warnings": [{"code": "little_text", "values": {"doc": "budget-hearing.pdf", "chars": 180}}]}', '{"total": 20, "live_hits": 17, "staged_hits": 18, "regressions": [], "fixed": [{"id": "admin-1", "question": "\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e2a\u0e39\u0e07\u0e2a\u0e38\u0e14\u0e02\u0e2d\u0e07\u0e01\u0e32\u0e23\u0e21\u0e35\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e48\u0e27\u0e21\u0e04\u0e37\u0e2d\u0e2d\u0e30\u0e44\u0e23", "expected": ["\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08"], "lang": "th", "origin": "admin"}]}');
INSERT INTO kb_test_question VALUES (1, 'ระดับสูงสุดของการมีส่วนร่วมคืออะไร', '["\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e2d\u0e33\u0e19\u0e32\u0e08"]', 'th', 'admin:9001', '2026-12-04 03:17:36.688639');
INSERT INTO processed_update VALUES (123456789, 700000001, '2026-12-01 02:00:00');
INSERT INTO quiz_attempt VALUES (1, 7000000001, 7000000001, NULL, 'quiz', 3, 'finished', NULL, '2026-12-01 02:00:00', '2026-12-01 02:03:00', 2);
INSERT INTO quiz_attempt VALUES (2, 7000000001, 7000000001, NULL, 'assignment', 6, 'finished', 1, '2026-12-01 03:00:00', '2026-12-01 03:00:00', 5);
INSERT INTO quiz_attempt_item VALUES (1, 1, 0, 'pp-14', 'pp_vs_pg', 'mcq', '[0, 2, 3, 1]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 02:00:00');
INSERT INTO quiz_attempt_item VALUES (2, 1, 1, 'org-01', 'organisation', 'mcq', '[1, 3, 2, 0]', '[0]', NULL, NULL, 1, 'null', false, '2026-12-01 02:00:00');
INSERT INTO quiz_attempt_item VALUES (3, 1, 2, 'ic-04', 'institutional_change', 'mcq', '[2, 0, 1, 3]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 02:00:00');
INSERT INTO quiz_attempt_item VALUES (4, 2, 0, 'imp-1', 'definition', 'mcq', '[1, 2, 0]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 03:00:00');
INSERT INTO quiz_attempt_item VALUES (5, 2, 1, 'imp-2', 'why', 'mcq', '[2, 1, 0]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 03:00:00');
INSERT INTO quiz_attempt_item VALUES (6, 2, 2, 'imp-3', 'levels', 'mcq', '[2, 1, 0]', '[0]', NULL, NULL, 2, 'null', false, '2026-12-01 03:00:00');
INSERT INTO quiz_attempt_item VALUES (7, 2, 3, 'imp-4', 'levels', 'mcq', '[2, 0, 1]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 03:00:00');
INSERT INTO quiz_attempt_item VALUES (8, 2, 4, 'imp-5', 'why', 'mcq', '[1, 0, 2]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 03:00:00');
INSERT INTO quiz_attempt_item VALUES (9, 2, 5, 'imp-6', 'definition', 'mcq', '[1, 0, 2]', '[0]', NULL, NULL, 0, 'null', true, '2026-12-01 03:00:00');
INSERT INTO quiz_leitner_card VALUES (1, 7000000001, 'org-01', 1, '2026-12-01 02:00:00', '2026-12-01 02:00:00');
INSERT INTO quiz_leitner_card VALUES (2, 7000000001, 'imp-3', 1, '2026-12-01 03:00:00', '2026-12-01 03:00:00');
INSERT INTO trainer_assignment VALUES (1, 1, 5000000001, 'แบบทดสอบหลังเรียน', '[]', '["imp-1", "imp-2", "imp-3", "imp-4", "imp-5", "imp-6"]', 60, '2026-12-01 02:00:00', '2026-12-03 02:00:00', NULL, 1, 'after_due', '[86400, 3600]', '2026-12-01 02:00:00');
INSERT INTO trainer_cohort VALUES (1, 5000000001, 'รุ่นที่ 1 กรมการปกครอง', 'PXZ8E89J', true, NULL, false, '2026-12-04 03:17:36.911473');
INSERT INTO trainer_cohort_member VALUES (1, 1, 7000000001, 'ผู้เรียน L1', false, '2026-12-04 03:17:36.940579');
INSERT INTO trainer_cohort_member VALUES (2, 1, 7000000004, 'ผู้เรียน L4', false, '2026-12-04 03:17:36.955832');
INSERT INTO trainer_imported_question VALUES (1, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 2, 'definition', '{"id": "imp-1", "kind": "mcq", "topic": "definition", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 1", "en": "Question 1"}, "options": [{"th": "\u0e16\u0e39\u0e01 1", "en": "right 1"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 1", "en": "wrong a 1"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 1", "en": "wrong b 1"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 1", "en": "The right answer is: right 1"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 1", "en": "The right answer is: right 1"}, "sources": [["participatory-governance.md", 2]], "shuffle": true, "file": "questions.csv", "line": 2}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_imported_question VALUES (2, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 3, 'why', '{"id": "imp-2", "kind": "mcq", "topic": "why", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 2", "en": "Question 2"}, "options": [{"th": "\u0e16\u0e39\u0e01 2", "en": "right 2"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 2", "en": "wrong a 2"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 2", "en": "wrong b 2"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 2", "en": "The right answer is: right 2"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 2", "en": "The right answer is: right 2"}, "sources": [["participatory-governance.md", 5]], "shuffle": true, "file": "questions.csv", "line": 3}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_imported_question VALUES (3, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 4, 'levels', '{"id": "imp-3", "kind": "mcq", "topic": "levels", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 3", "en": "Question 3"}, "options": [{"th": "\u0e16\u0e39\u0e01 3", "en": "right 3"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 3", "en": "wrong a 3"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 3", "en": "wrong b 3"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 3", "en": "The right answer is: right 3"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 3", "en": "The right answer is: right 3"}, "sources": [["participatory-governance.md", 8]], "shuffle": true, "file": "questions.csv", "line": 4}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_imported_question VALUES (4, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 5, 'levels', '{"id": "imp-4", "kind": "mcq", "topic": "levels", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 4", "en": "Question 4"}, "options": [{"th": "\u0e16\u0e39\u0e01 4", "en": "right 4"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 4", "en": "wrong a 4"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 4", "en": "wrong b 4"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 4", "en": "The right answer is: right 4"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 4", "en": "The right answer is: right 4"}, "sources": [["participatory-governance.md", 8], ["participatory-governance.md", 9]], "shuffle": true, "file": "questions.csv", "line": 5}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_imported_question VALUES (5, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 6, 'why', '{"id": "imp-5", "kind": "mcq", "topic": "why", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 5", "en": "Question 5"}, "options": [{"th": "\u0e16\u0e39\u0e01 5", "en": "right 5"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 5", "en": "wrong a 5"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 5", "en": "wrong b 5"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 5", "en": "The right answer is: right 5"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 5", "en": "The right answer is: right 5"}, "sources": [["participatory-governance.md", 6]], "shuffle": true, "file": "questions.csv", "line": 6}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_imported_question VALUES (6, 5000000001, 'dc84bbc206e247079330ea6fcd9a46f5', 'questions.csv', 'csv', 7, 'definition', '{"id": "imp-6", "kind": "mcq", "topic": "definition", "difficulty": "medium", "text": {"th": "\u0e04\u0e33\u0e16\u0e32\u0e21\u0e02\u0e49\u0e2d 6", "en": "Question 6"}, "options": [{"th": "\u0e16\u0e39\u0e01 6", "en": "right 6"}, {"th": "\u0e1c\u0e34\u0e14 \u0e01 6", "en": "wrong a 6"}, {"th": "\u0e1c\u0e34\u0e14 \u0e02 6", "en": "wrong b 6"}], "correct": 0, "order": null, "explanation": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 6", "en": "The right answer is: right 6"}, "explanation_long": {"th": "\u0e04\u0e33\u0e15\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e04\u0e37\u0e2d: \u0e16\u0e39\u0e01 6", "en": "The right answer is: right 6"}, "sources": [["participatory-governance.md", 3]], "shuffle": true, "file": "questions.csv", "line": 7}', true, '2026-12-04 03:17:36.963847');
INSERT INTO trainer_notice_sent VALUES (1, 1, 7000000004, 'announce', '2026-12-01 02:00:00');
SELECT pg_catalog.setval('answer_record_id_seq', 2, true);
SELECT pg_catalog.setval('audit_event_id_seq', 1, true);
SELECT pg_catalog.setval('bot_user_id_seq', 3, true);
SELECT pg_catalog.setval('checklist_answer_id_seq', 40, true);
SELECT pg_catalog.setval('checklist_assessment_id_seq', 2, true);
SELECT pg_catalog.setval('checklist_project_id_seq', 2, true);
SELECT pg_catalog.setval('kb_staging_id_seq', 1, true);
SELECT pg_catalog.setval('kb_test_question_id_seq', 1, true);
SELECT pg_catalog.setval('quiz_attempt_id_seq', 2, true);
SELECT pg_catalog.setval('quiz_attempt_item_id_seq', 9, true);
SELECT pg_catalog.setval('quiz_leitner_card_id_seq', 2, true);
SELECT pg_catalog.setval('trainer_assignment_id_seq', 1, true);
SELECT pg_catalog.setval('trainer_cohort_id_seq', 1, true);
SELECT pg_catalog.setval('trainer_cohort_member_id_seq', 2, true);
SELECT pg_catalog.setval('trainer_imported_question_id_seq', 6, true);
SELECT pg_catalog.setval('trainer_notice_sent_id_seq', 1, true);
ALTER TABLE ONLY answer_record
    ADD CONSTRAINT answer_record_pkey PRIMARY KEY (id);
ALTER TABLE ONLY audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);
ALTER TABLE ONLY bot_checklist_chat
    ADD CONSTRAINT bot_checklist_chat_pkey PRIMARY KEY (telegram_id);
ALTER TABLE ONLY bot_trainer_draft
    ADD CONSTRAINT bot_trainer_draft_pkey PRIMARY KEY (telegram_id);
ALTER TABLE ONLY bot_user
    ADD CONSTRAINT bot_user_pkey PRIMARY KEY (id);
ALTER TABLE ONLY checklist_answer
    ADD CONSTRAINT checklist_answer_pkey PRIMARY KEY (id);
ALTER TABLE ONLY checklist_assessment
    ADD CONSTRAINT checklist_assessment_pkey PRIMARY KEY (id);
ALTER TABLE ONLY checklist_project
    ADD CONSTRAINT checklist_project_pkey PRIMARY KEY (id);
ALTER TABLE ONLY kb_staging
    ADD CONSTRAINT kb_staging_pkey PRIMARY KEY (id);
ALTER TABLE ONLY kb_staging
    ADD CONSTRAINT kb_staging_slot_key UNIQUE (slot);
ALTER TABLE ONLY kb_test_question
    ADD CONSTRAINT kb_test_question_pkey PRIMARY KEY (id);
ALTER TABLE ONLY processed_update
    ADD CONSTRAINT processed_update_pkey PRIMARY KEY (bot_id, update_id);
ALTER TABLE ONLY quiz_attempt_item
    ADD CONSTRAINT quiz_attempt_item_attempt_id_position_key UNIQUE (attempt_id, "position");
ALTER TABLE ONLY quiz_attempt_item
    ADD CONSTRAINT quiz_attempt_item_pkey PRIMARY KEY (id);
ALTER TABLE ONLY quiz_attempt_item
    ADD CONSTRAINT quiz_attempt_item_poll_id_key UNIQUE (poll_id);
ALTER TABLE ONLY quiz_attempt
    ADD CONSTRAINT quiz_attempt_pkey PRIMARY KEY (id);
ALTER TABLE ONLY quiz_leitner_card
    ADD CONSTRAINT quiz_leitner_card_pkey PRIMARY KEY (id);
ALTER TABLE ONLY quiz_leitner_card
    ADD CONSTRAINT quiz_leitner_card_user_id_question_id_key UNIQUE (user_id, question_id);
ALTER TABLE ONLY trainer_assignment
    ADD CONSTRAINT trainer_assignment_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trainer_cohort
    ADD CONSTRAINT trainer_cohort_group_chat_id_key UNIQUE (group_chat_id);
ALTER TABLE ONLY trainer_cohort_member
    ADD CONSTRAINT trainer_cohort_member_cohort_id_user_id_key UNIQUE (cohort_id, user_id);
ALTER TABLE ONLY trainer_cohort_member
    ADD CONSTRAINT trainer_cohort_member_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trainer_cohort
    ADD CONSTRAINT trainer_cohort_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trainer_imported_question
    ADD CONSTRAINT trainer_imported_question_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trainer_notice_sent
    ADD CONSTRAINT trainer_notice_sent_assignment_id_user_id_kind_key UNIQUE (assignment_id, user_id, kind);
ALTER TABLE ONLY trainer_notice_sent
    ADD CONSTRAINT trainer_notice_sent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY checklist_answer
    ADD CONSTRAINT uq_checklist_answer UNIQUE (assessment_id, item_id);
CREATE INDEX ix_answer_record_user_id ON answer_record USING btree (user_id);
CREATE INDEX ix_audit_event_action ON audit_event USING btree (action);
CREATE INDEX ix_audit_event_actor ON audit_event USING btree (actor);
CREATE INDEX ix_audit_event_at ON audit_event USING btree (at);
CREATE UNIQUE INDEX ix_bot_user_telegram_id ON bot_user USING btree (telegram_id);
CREATE INDEX ix_checklist_answer_assessment_id ON checklist_answer USING btree (assessment_id);
CREATE INDEX ix_checklist_assessment_project_id ON checklist_assessment USING btree (project_id);
CREATE INDEX ix_checklist_assessment_status ON checklist_assessment USING btree (status);
CREATE INDEX ix_checklist_project_owner_id ON checklist_project USING btree (owner_id);
CREATE INDEX ix_processed_update_handled_at ON processed_update USING btree (handled_at);
CREATE INDEX ix_quiz_attempt_assignment_id ON quiz_attempt USING btree (assignment_id);
CREATE INDEX ix_quiz_attempt_item_attempt_id ON quiz_attempt_item USING btree (attempt_id);
CREATE INDEX ix_quiz_attempt_item_question_id ON quiz_attempt_item USING btree (question_id);
CREATE INDEX ix_quiz_attempt_status ON quiz_attempt USING btree (status);
CREATE INDEX ix_quiz_attempt_user_id ON quiz_attempt USING btree (user_id);
CREATE INDEX ix_quiz_leitner_card_due_at ON quiz_leitner_card USING btree (due_at);
CREATE INDEX ix_quiz_leitner_card_user_id ON quiz_leitner_card USING btree (user_id);
CREATE INDEX ix_trainer_assignment_cohort_id ON trainer_assignment USING btree (cohort_id);
CREATE INDEX ix_trainer_assignment_due_at ON trainer_assignment USING btree (due_at);
CREATE INDEX ix_trainer_assignment_trainer_id ON trainer_assignment USING btree (trainer_id);
CREATE UNIQUE INDEX ix_trainer_cohort_invite_code ON trainer_cohort USING btree (invite_code);
CREATE INDEX ix_trainer_cohort_member_cohort_id ON trainer_cohort_member USING btree (cohort_id);
CREATE INDEX ix_trainer_cohort_member_user_id ON trainer_cohort_member USING btree (user_id);
CREATE INDEX ix_trainer_cohort_trainer_id ON trainer_cohort USING btree (trainer_id);
CREATE INDEX ix_trainer_imported_question_batch ON trainer_imported_question USING btree (batch);
CREATE INDEX ix_trainer_imported_question_owner_id ON trainer_imported_question USING btree (owner_id);
CREATE INDEX ix_trainer_imported_question_topic ON trainer_imported_question USING btree (topic);
CREATE INDEX ix_trainer_notice_sent_assignment_id ON trainer_notice_sent USING btree (assignment_id);
ALTER TABLE ONLY bot_checklist_chat
    ADD CONSTRAINT bot_checklist_chat_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES checklist_assessment(id);
ALTER TABLE ONLY checklist_answer
    ADD CONSTRAINT checklist_answer_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES checklist_assessment(id);
ALTER TABLE ONLY checklist_assessment
    ADD CONSTRAINT checklist_assessment_project_id_fkey FOREIGN KEY (project_id) REFERENCES checklist_project(id);
ALTER TABLE ONLY quiz_attempt_item
    ADD CONSTRAINT quiz_attempt_item_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES quiz_attempt(id);
ALTER TABLE ONLY trainer_assignment
    ADD CONSTRAINT trainer_assignment_cohort_id_fkey FOREIGN KEY (cohort_id) REFERENCES trainer_cohort(id);
ALTER TABLE ONLY trainer_cohort_member
    ADD CONSTRAINT trainer_cohort_member_cohort_id_fkey FOREIGN KEY (cohort_id) REFERENCES trainer_cohort(id);
ALTER TABLE ONLY trainer_notice_sent
    ADD CONSTRAINT trainer_notice_sent_assignment_id_fkey FOREIGN KEY (assignment_id) REFERENCES trainer_assignment(id);
