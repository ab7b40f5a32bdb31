/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "progress-fixtures.h"

#include "ak-fsrs.h"

/*
 * The memory states the store keeps for review scheduling: built from
 * the history of an older database, kept with every answer in the same
 * transaction, rewritten by the learner's override, and not trusted
 * when a file holds nonsense.
 */

static const double *w = ak_fsrs_default_parameters;

static void
exec (const char *path,
      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* One answer of the history the test writes, and replays on its own. */
typedef struct
{
  char   *question_id;
  gint64  answered;
  double  score;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->question_id);
  g_free (answer);
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  const Answer *x = *(const Answer *const *)a;
  const Answer *y = *(const Answer *const *)b;
  int by_question = g_strcmp0 (x->question_id, y->question_id);

  if (by_question != 0)
    return by_question;
  return x->answered < y->answered ? -1 : x->answered > y->answered;
}

/* What the test expects of one question: the formulas of fsrs6.md
 * applied to its answers, rated right → 3, partly → 2, wrong → 1. */
typedef struct
{
  AkMemoryState memory;
  gint64        last_review;
  guint         reps;
  guint         lapses;
} Expected;

static void
expect_answer (Expected *expected,
               gint64    answered,
               int       rating)
{
  if (expected->reps == 0)
    expected->memory = ak_fsrs_first_state (w, rating);
  else
    {
      gint64 elapsed = ak_fsrs_day (answered, NULL) - ak_fsrs_day (expected->last_review, NULL);

      if (rating == 1 && elapsed > 0)
        expected->lapses++;
      expected->memory = ak_fsrs_next_state (w, expected->memory, elapsed, rating);
    }
  expected->reps++;
  expected->last_review = answered;
}

static int
rating_of (double score)
{
  return score == 1.0 ? 3 : score == 0.0 ? 1 : 2;
}

static void
assert_card (AkProgressStore *store,
             const char      *course_id,
             const char      *question_id,
             const Expected  *expected)
{
  g_autoptr(GError) error = NULL;
  AkFsrsCard card;
  guint interval, low, high;
  gint64 day;

  g_assert_true (ak_progress_store_get_memory (store, course_id, question_id, &card, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (card.memory.stability, expected->memory.stability, 1e-9);
  g_assert_cmpfloat_with_epsilon (card.memory.difficulty, expected->memory.difficulty, 1e-9);
  g_assert_cmpuint (card.reps, ==, expected->reps);
  g_assert_cmpuint (card.lapses, ==, expected->lapses);
  g_assert_cmpint (card.last_review, ==, expected->last_review);
  /* Due after the interval for a retention of 0.9, fuzzed within its range. */
  day = ak_fsrs_day (expected->last_review, NULL);
  interval = ak_fsrs_interval_days (w, expected->memory.stability, 0.9);
  ak_fsrs_fuzz_range (interval, &low, &high);
  g_assert_cmpint (card.due_day, >=, day + low);
  g_assert_cmpint (card.due_day, <=, day + high);
}

/* A database of today's version 3 with a year of answers, in quizzes and
 * in practice, gets the memory states an independent replay gives. */
static void
test_migrate_v3 (void)
{
  g_autofree char *path = data_path ("migrate-v3.db");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify)answer_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(AkProgressStore) store = NULL;
  gint64 start = local_time (1, 9, 0);
  gint64 learner_id;
  guint n_states = 0;

  /* A database made by this version, with the tables of version 4 taken
   * away, is one of version 3. */
  g_clear_object (&store);
  store = open_store (path);
  learner_id = ak_progress_store_get_learner_id (store);
  g_clear_object (&store);
  exec (path, "DROP TABLE review; DROP TABLE memory_state; PRAGMA user_version = 3");

  for (guint i = 0; i < 1500; i++)
    {
      Answer *answer = g_new0 (Answer, 1);
      static const double scores[] = { 1, 1, 1, 0.5, 0 };
      /* Some days twice, some nights past midnight: same-day reviews. */
      gint64 minutes = g_rand_int_range (rand, 0, 365 * 24 * 60);

      answer->question_id = g_strdup_printf ("q1-%d", g_rand_int_range (rand, 1, 41));
      answer->answered = start + minutes * 60 * G_USEC_PER_SEC + i;
      answer->score = scores[g_rand_int_range (rand, 0, G_N_ELEMENTS (scores))];
      g_ptr_array_add (answers, answer);

      if (i % 3 == 0)
        g_string_append_printf (sql,
                                "INSERT INTO practice_answer (learner_id, course_id, quiz_id,"
                                " question_id, question_hash, response, score, answered, seconds)"
                                " VALUES (%" G_GINT64_FORMAT ", 'kurs', 'quiz-1', '%s', 'h', '{}',"
                                " %g, %" G_GINT64_FORMAT ", 5);",
                                learner_id, answer->question_id, answer->score, answer->answered);
      else
        g_string_append_printf (sql,
                                "INSERT INTO attempt (id, learner_id, course_id, quiz_id,"
                                " course_version, quiz_hash, state, started, finished)"
                                " VALUES (%u, %" G_GINT64_FORMAT ", 'kurs', 'quiz-1', '1.0', 'h',"
                                " 'abandoned', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                                "INSERT INTO answer (attempt_id, question_id, question_hash,"
                                " response, score, answered, seconds)"
                                " VALUES (%u, '%s', 'h', '{}', %g, %" G_GINT64_FORMAT ", 5);",
                                i + 1, learner_id, answer->answered, answer->answered,
                                i + 1, answer->question_id, answer->score, answer->answered);
    }
  g_string_append (sql, "COMMIT;");
  exec (path, sql->str);

  store = open_store (path);
  g_assert_cmpint (progress_test_query_int (path, "PRAGMA user_version"), ==,
                   AK_PROGRESS_SCHEMA_VERSION);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM review"), ==, 1500);

  g_ptr_array_sort (answers, compare_answers);
  for (guint i = 0; i < answers->len; )
    {
      Answer *first = g_ptr_array_index (answers, i);
      Expected expected = { { 0, 0 }, 0, 0, 0 };

      for (; i < answers->len; i++)
        {
          Answer *answer = g_ptr_array_index (answers, i);

          if (!g_str_equal (answer->question_id, first->question_id))
            break;
          expect_answer (&expected, answer->answered, rating_of (answer->score));
        }
      assert_card (store, "kurs", first->question_id, &expected);
      n_states++;
    }
  g_assert_cmpuint (n_states, ==, 40);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM memory_state"), ==, 40);
  /* A question wrong again and again lapses. */
  g_assert_cmpint (progress_test_query_int (path, "SELECT max(lapses) FROM memory_state"), >=, 4);
}

/* Quiz, practice and review answers are all reviews, kept as they are
 * recorded; a second answer on the same day is a same-day review. */
static void
test_record (void)
{
  g_autofree char *path = data_path ("record.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  AkQuestion *question = question_at (quiz, 0);
  Expected expected = { { 0, 0 }, 0, 0, 0 };
  gint64 day0 = local_time (10, 20, 0);
  gint64 next_day = local_time (11, 20, 0);
  const double scores[3] = { 1, 0, 0.5 };
  AkFsrsCard card;

  ak_progress_store_set_now (store, day0);
  take_quiz (store, course, quiz, scores, TRUE);
  expect_answer (&expected, day0, 3);
  assert_card (store, "kurs", question->id, &expected);

  /* Practice on the same day, wrong: S shrinks by the same-day formula. */
  ak_progress_store_set_now (store, day0 + 60 * G_USEC_PER_SEC);
  ak_progress_store_record_practice_answer (store, "kurs", quiz->id, question->id,
                                            question->hash, "{}", 0.0, 4, &error);
  g_assert_no_error (error);
  expect_answer (&expected, day0 + 60 * G_USEC_PER_SEC, 1);
  assert_card (store, "kurs", question->id, &expected);
  g_assert_cmpfloat (expected.memory.stability, <, w[2]);
  g_assert_cmpuint (expected.lapses, ==, 0);

  /* The next day's review, right. */
  ak_progress_store_set_now (store, next_day);
  ak_progress_store_record_review_answer (store, "kurs", quiz->id, question->id,
                                          question->hash, "{}", 1.0, 4, &error);
  g_assert_no_error (error);
  expect_answer (&expected, next_day, 3);
  assert_card (store, "kurs", question->id, &expected);
  g_assert_cmpuint (expected.reps, ==, 3);

  /* The wrong and the partly right quiz answers. */
  g_assert_true (ak_progress_store_get_memory (store, "kurs", "q1-2", &card, &error));
  g_assert_cmpfloat (card.memory.stability, ==, w[0]);
  g_assert_true (ak_progress_store_get_memory (store, "kurs", "q1-3", &card, &error));
  g_assert_cmpfloat (card.memory.stability, ==, w[1]);
  /* A question never answered has no state. */
  g_assert_false (ak_progress_store_get_memory (store, "kurs", "q1-9", &card, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (card.reps, ==, 0);

  {
    guint n_reviews = 0;

    ak_progress_store_count_reviews (store, ak_fsrs_day_start (ak_fsrs_day (next_day, NULL),
                                                               NULL),
                                     &n_reviews, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_reviews, ==, 1);
  }
}

/* "Geraten" and "Das wusste ich sicher" rewrite the latest answer's
 * rating and the state; taking it back restores it. */
static void
test_override (void)
{
  g_autofree char *path = data_path ("override.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 2);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const double scores[2] = { 1, 0 };
  AkRating rating = 0;
  AkFsrsCard card;

  ak_progress_store_set_now (store, local_time (10, 12, 0));
  take_quiz (store, course, quiz, scores, TRUE);

  g_assert_true (ak_progress_store_override_rating (store, "kurs", "q1-1",
                                                    AK_RATING_OVERRIDE_GUESSED, &rating, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rating, ==, AK_RATING_HARD);
  ak_progress_store_get_memory (store, "kurs", "q1-1", &card, &error);
  g_assert_cmpfloat (card.memory.stability, ==, w[1]);

  /* Twice is the same as once: it applies to the graded rating. */
  ak_progress_store_override_rating (store, "kurs", "q1-1", AK_RATING_OVERRIDE_SURE, &rating,
                                     &error);
  ak_progress_store_override_rating (store, "kurs", "q1-1", AK_RATING_OVERRIDE_SURE, &rating,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (rating, ==, AK_RATING_EASY);
  ak_progress_store_get_memory (store, "kurs", "q1-1", &card, &error);
  g_assert_cmpfloat (card.memory.stability, ==, w[3]);
  g_assert_cmpfloat (card.memory.difficulty, ==, 1.0);

  ak_progress_store_override_rating (store, "kurs", "q1-1", AK_RATING_OVERRIDE_NONE, &rating,
                                     &error);
  g_assert_cmpint (rating, ==, AK_RATING_GOOD);
  ak_progress_store_get_memory (store, "kurs", "q1-1", &card, &error);
  g_assert_cmpfloat (card.memory.stability, ==, w[2]);

  /* A wrong answer the learner was sure of was a slip: Hard. */
  ak_progress_store_override_rating (store, "kurs", "q1-2", AK_RATING_OVERRIDE_SURE, &rating,
                                     &error);
  g_assert_cmpint (rating, ==, AK_RATING_HARD);
  g_assert_cmpint (progress_test_query_int (path, "SELECT rating FROM review"
                                                  " WHERE question_id = 'q1-2'"), ==, 2);
  g_assert_cmpint (progress_test_query_int (path, "SELECT graded FROM review"
                                                  " WHERE question_id = 'q1-2'"), ==, 1);

  g_assert_false (ak_progress_store_override_rating (store, "kurs", "q1-7",
                                                     AK_RATING_OVERRIDE_SURE, NULL, &error));
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_NOT_FOUND);
}

static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return progress_test_query_int (path, sql);
}

/* The answer and the memory state are written together or not at all. */
static void
test_atomic (void)
{
  g_autofree char *path = data_path ("atomic.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 2);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  AkQuestion *question = question_at (quiz, 0);
  gint64 attempt;
  AkFsrsCard card;

  attempt = ak_progress_store_start_attempt (store, "kurs", quiz->id, "1.0", quiz->hash, NULL,
                                             &error);
  g_assert_no_error (error);

  /* The state cannot be written: the answer is not kept either. */
  exec (path, "CREATE TRIGGER refuse BEFORE INSERT ON memory_state"
              " BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (ak_progress_store_record_answer (store, attempt, question->id, question->hash,
                                                   "{}", 1.0, 3, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ak_progress_store_record_review_answer (store, "kurs", quiz->id, question->id,
                                                          question->hash, "{}", 1.0, 3,
                                                          &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (path, "answer"), ==, 0);
  g_assert_cmpuint (count_rows (path, "practice_answer"), ==, 0);
  g_assert_cmpuint (count_rows (path, "review"), ==, 0);
  g_assert_cmpuint (count_rows (path, "question_stat"), ==, 0);
  g_assert_false (ak_progress_store_get_memory (store, "kurs", question->id, &card, NULL));
  exec (path, "DROP TRIGGER refuse");

  /* The answer cannot be written: the state stays as it was. */
  record (store, attempt, question, 1.0, 1);
  g_assert_true (ak_progress_store_get_memory (store, "kurs", question->id, &card, &error));
  exec (path, "CREATE TRIGGER refuse BEFORE INSERT ON practice_answer"
              " BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (ak_progress_store_record_review_answer (store, "kurs", quiz->id, question->id,
                                                          question->hash, "{}", 0.0, 3,
                                                          &error));
  g_clear_error (&error);
  {
    AkFsrsCard after;

    g_assert_true (ak_progress_store_get_memory (store, "kurs", question->id, &after, &error));
    g_assert_cmpuint (after.reps, ==, 1);
    g_assert_cmpfloat (after.memory.stability, ==, card.memory.stability);
  }
  g_assert_cmpuint (count_rows (path, "review"), ==, 1);
  exec (path, "DROP TRIGGER refuse");
}

static gboolean
count_memory_cb (const AkProgressMemory *memory,
                 gpointer                user_data)
{
  g_assert_true (ak_fsrs_state_is_valid (memory->card.memory));
  (*(guint *)user_data)++;
  return TRUE;
}

/* Values out of range in the file are not used; the next answer
 * rebuilds the state from the log. */
static void
test_hostile (void)
{
  g_autofree char *path = data_path ("hostile.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 4);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const double scores[4] = { 1, 1, 1, 1 };
  Expected expected = { { 0, 0 }, 0, 0, 0 };
  gint64 day0 = local_time (10, 12, 0);
  gint64 day3 = local_time (13, 12, 0);
  AkFsrsCard card;
  guint n = 0;

  ak_progress_store_set_now (store, day0);
  take_quiz (store, course, quiz, scores, TRUE);
  exec (path, "UPDATE memory_state SET stability = -4 WHERE question_id = 'q1-1';"
              "UPDATE memory_state SET difficulty = 9e999 WHERE question_id = 'q1-2';"
              "UPDATE memory_state SET lapses = 7 WHERE question_id = 'q1-3';"
              "UPDATE memory_state SET due_day = -3 WHERE question_id = 'q1-4'");

  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("q1-%u", i);

      g_assert_false (ak_progress_store_get_memory (store, "kurs", id, &card, &error));
      g_assert_no_error (error);
    }
  ak_progress_store_foreach_memory (store, G_MAXINT64, count_memory_cb, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  ak_progress_store_set_now (store, day3);
  ak_progress_store_record_review_answer (store, "kurs", quiz->id, "q1-1",
                                          question_at (quiz, 0)->hash, "{}", 1.0, 2, &error);
  g_assert_no_error (error);
  expect_answer (&expected, day0, 3);
  expect_answer (&expected, day3, 3);
  assert_card (store, "kurs", "q1-1", &expected);
}

/* A damaged file is moved aside and what can be read of it copied into
 * a new one: the review log with it, and the states are built again. */
static void
test_salvage (void)
{
  g_autofree char *path = data_path ("salvage.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const double scores[3] = { 1, 0, 0.5 };
  AkFsrsCard before[3], after;

  ak_progress_store_set_now (store, local_time (10, 12, 0));
  take_quiz (store, course, quiz, scores, TRUE);
  ak_progress_store_set_now (store, local_time (13, 12, 0));
  ak_progress_store_record_review_answer (store, "kurs", quiz->id, "q1-2",
                                          question_at (quiz, 1)->hash, "{}", 1.0, 2, &error);
  ak_progress_store_override_rating (store, "kurs", "q1-2", AK_RATING_OVERRIDE_SURE, NULL,
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_true (ak_progress_store_get_memory (store, "kurs", question_at (quiz, i)->id,
                                                 &before[i], &error));
  g_clear_object (&store);

  /* Something added to the schema: the file is damaged. */
  exec (path, "CREATE TRIGGER forget AFTER INSERT ON answer BEGIN DELETE FROM answer; END");
  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ak_progress_store_get_damaged_path (store));

  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM review"), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ak_progress_store_get_memory (store, "kurs", question_at (quiz, i)->id,
                                                   &after, &error));
      g_assert_cmpfloat (after.memory.stability, ==, before[i].memory.stability);
      g_assert_cmpfloat (after.memory.difficulty, ==, before[i].memory.difficulty);
      g_assert_cmpint (after.due_day, ==, before[i].due_day);
      g_assert_cmpuint (after.reps, ==, before[i].reps);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/memory/migrate-v3", test_migrate_v3);
  g_test_add_func ("/progress/memory/record", test_record);
  g_test_add_func ("/progress/memory/override", test_override);
  g_test_add_func ("/progress/memory/atomic", test_atomic);
  g_test_add_func ("/progress/memory/hostile", test_hostile);
  g_test_add_func ("/progress/memory/salvage", test_salvage);

  return g_test_run ();
}
