-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A progress database as version 1 of the schema wrote it, for the
-- migration test. The schema is copied from the first migration step and
-- must never change with it: this file stands for databases learners
-- already have. Question hashes are placeholders the test gives its course.
-- Times: 2024-03-09 10:00 UTC = 1709978400 s, 2024-03-10 10:00 UTC = 1710064800 s.

CREATE TABLE learner (
  id            INTEGER PRIMARY KEY,
  user_name     TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  created       INTEGER NOT NULL
);
CREATE TABLE lesson (
  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  course_id     TEXT NOT NULL,
  lesson_id     TEXT NOT NULL,
  first_opened  INTEGER NOT NULL,
  last_opened   INTEGER NOT NULL,
  completed     INTEGER,
  seconds       REAL NOT NULL DEFAULT 0,
  section_id    TEXT,
  PRIMARY KEY (learner_id, course_id, lesson_id)
) WITHOUT ROWID;
CREATE TABLE attempt (
  id             INTEGER PRIMARY KEY,
  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  course_id      TEXT NOT NULL,
  quiz_id        TEXT NOT NULL,
  course_version TEXT NOT NULL,
  quiz_hash      TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'in-progress'
                 CHECK (state IN ('in-progress', 'finished', 'abandoned')),
  started        INTEGER NOT NULL,
  finished       INTEGER,
  score          REAL,
  max_score      REAL,
  passed         INTEGER,
  seconds        REAL NOT NULL DEFAULT 0,
  question_order TEXT NOT NULL DEFAULT '',
  position       INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX attempt_in_progress ON attempt (learner_id, course_id, quiz_id)
  WHERE state = 'in-progress';
CREATE TABLE answer (
  id            INTEGER PRIMARY KEY,
  attempt_id    INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
  question_id   TEXT NOT NULL,
  question_hash TEXT NOT NULL,
  response      TEXT NOT NULL,
  score         REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  answered      INTEGER NOT NULL,
  seconds       REAL NOT NULL,
  UNIQUE (attempt_id, question_id)
);

INSERT INTO learner VALUES (1, 'fixture-user', 'Erika Mustermann', 1709900000000000);

INSERT INTO lesson VALUES (1, 'kurs', 'lesson-1', 1709970000000000, 1709978000000000,
                           1709978100000000, 300, 'section-1-2');
INSERT INTO lesson VALUES (1, 'kurs', 'lesson-2', 1710060000000000, 1710060000000000,
                           NULL, 60, 'section-2-1');

-- quiz-1: failed once (1 of 2), then passed (2 of 2); quiz-2 in progress.
INSERT INTO attempt VALUES (1, 1, 'kurs', 'quiz-1', '1.0', 'hash-quiz-1', 'finished',
                            1709978400000000, 1709978460000000, 1, 2, 1, 25, 'q1-1 q1-2', 2);
INSERT INTO attempt VALUES (2, 1, 'kurs', 'quiz-1', '1.0', 'hash-quiz-1', 'finished',
                            1710064800000000, 1710064860000000, 2, 2, 1, 15, 'q1-2 q1-1', 2);
INSERT INTO attempt VALUES (3, 1, 'kurs', 'quiz-2', '1.0', 'hash-quiz-2', 'in-progress',
                            1710064900000000, NULL, NULL, NULL, NULL, 9, 'q2-2 q2-1', 1);

INSERT INTO answer VALUES (1, 1, 'q1-1', 'hash-q1-1', '{"choice":"a"}', 1,
                           1709978410000000, 10);
INSERT INTO answer VALUES (2, 1, 'q1-2', 'hash-q1-2', '{"choice":"b"}', 0,
                           1709978420000000, 15);
INSERT INTO answer VALUES (3, 2, 'q1-2', 'hash-q1-2', '{"choice":"a"}', 1,
                           1710064810000000, 5);
INSERT INTO answer VALUES (4, 2, 'q1-1', 'hash-q1-1', '{"choice":"a"}', 1,
                           1710064820000000, 10);
INSERT INTO answer VALUES (5, 3, 'q2-2', 'hash-q2-2', '{"choice":"b"}', 0.5,
                           1710064910000000, 9);

PRAGMA user_version = 1;
