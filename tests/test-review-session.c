/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "progress-fixtures.h"

#include "ak-context.h"
#include "ak-review-session.h"

/*
 * A review as the review page drives it: the due questions one by one,
 * each answer graded, recorded as a review answer with its memory state,
 * the quiz's feedback, and the learner's override.
 */

typedef struct
{
  AkContext  *context;
  GListStore *courses;
  AkCourse   *course;
} Fixture;

/* 2024-03-10 12:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1710072000000000)
#define DAY ((gint64)24 * 60 * 60 * G_USEC_PER_SEC)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = data_path ("review.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkClock) clock = ak_fake_clock_new (START_TIME);

  fixture->context = ak_context_new (NULL, store, NULL, clock);
  fixture->courses = g_list_store_new (AK_TYPE_COURSE);
  fixture->course = progress_test_course_new ("kurs", 2, 1, 4);
  g_list_store_append (fixture->courses, fixture->course);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->course);
  g_clear_object (&fixture->courses);
  g_assert_finalize_object (fixture->context);
}

static void
advance (Fixture *fixture,
         gint64   microseconds)
{
  ak_fake_clock_advance (AK_FAKE_CLOCK (ak_context_get_clock (fixture->context)), microseconds);
}

static AkProgressStore *
store_of (Fixture *fixture)
{
  return ak_context_get_store (fixture->context);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return progress_test_query_int (ak_progress_store_get_path (store_of (fixture)), sql);
}

static AkReviewSession *
start (Fixture *fixture,
       guint    limit)
{
  g_autoptr(GError) error = NULL;
  AkReviewSession *session = ak_review_session_new (fixture->context,
                                                    G_LIST_MODEL (fixture->courses), limit,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static AkResponse *
respond (const AkQuestion *question,
         gboolean          right)
{
  AkResponse *response = ak_response_new (question->type);

  ak_response_set_choice (response, right ? "a" : "b");
  return response;
}

static void
test_answer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AkReviewSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const double scores[4] = { 1, 1, 1, 1 };
  AkFsrsCard before, after;
  gboolean right[4] = { TRUE, FALSE, TRUE, TRUE };
  guint n;

  take_quiz (store_of (fixture), fixture->course, quiz_at (fixture->course, 0), scores, TRUE);

  /* On the day of the quiz nothing is due. */
  session = start (fixture, 50);
  g_assert_cmpuint (ak_review_session_get_n_questions (session), ==, 0);
  g_assert_true (ak_review_session_get_finished (session));
  g_assert_null (ak_review_session_get_current (session));
  g_assert_cmpuint (ak_review_session_get_forecast (session)[1], ==, 4);
  g_clear_object (&session);

  advance (fixture, 3 * DAY);
  session = start (fixture, 50);
  n = ak_review_session_get_n_questions (session);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (ak_review_session_get_n_due (session), ==, 4);

  for (guint i = 0; i < n; i++)
    {
      const AkQuestion *question = ak_review_session_get_current (session);
      g_autoptr(AkResponse) response = respond (question, right[i]);
      g_autoptr(AkQuizFeedback) feedback = NULL;
      AkRating rating = 0;

      g_assert_nonnull (question);
      g_assert_cmpuint (ak_review_session_get_position (session), ==, i);
      g_assert_true (ak_review_session_get_course (session) == fixture->course);
      g_assert_cmpstr (ak_review_session_get_quiz (session)->id, ==, "quiz-1");
      g_assert_cmpuint (ak_review_session_get_choices (session)->len, ==, 2);
      ak_progress_store_get_memory (store_of (fixture), "kurs", question->id, &before, NULL);

      /* Saying how sure one was comes after the answer. */
      g_assert_false (ak_review_session_override (session, AK_RATING_OVERRIDE_SURE, NULL,
                                                  &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      advance (fixture, 7 * G_USEC_PER_SEC);
      g_assert_true (ak_review_session_check (session, response, &feedback, &rating, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rating, ==, right[i] ? AK_RATING_GOOD : AK_RATING_AGAIN);
      g_assert_cmpint (feedback->verdict, ==, right[i] ? AK_VERDICT_RIGHT : AK_VERDICT_WRONG);
      /* "In der Lektion nachlesen": the section of the thesis tested. */
      g_assert_cmpuint (feedback->links->len, ==, 1);
      g_assert_nonnull (((AkLessonLink *)g_ptr_array_index (feedback->links, 0))->section_id);

      ak_progress_store_get_memory (store_of (fixture), "kurs", question->id, &after, NULL);
      g_assert_cmpuint (after.reps, ==, before.reps + 1);
      if (right[i])
        g_assert_cmpfloat (after.memory.stability, >, before.memory.stability);
      else
        g_assert_cmpuint (after.lapses, ==, before.lapses + 1);

      /* Once is enough. */
      g_assert_false (ak_review_session_check (session, response, NULL, NULL, &error));
      g_clear_error (&error);

      if (i == 0)
        {
          AkFsrsCard guessed;

          /* A lucky guess does not count as knowledge. */
          g_assert_true (ak_review_session_override (session, AK_RATING_OVERRIDE_GUESSED,
                                                     &rating, &error));
          g_assert_no_error (error);
          g_assert_cmpint (rating, ==, AK_RATING_HARD);
          ak_progress_store_get_memory (store_of (fixture), "kurs", question->id, &guessed,
                                        NULL);
          g_assert_cmpfloat (guessed.memory.stability, <, after.memory.stability);
          g_assert_cmpuint (guessed.reps, ==, after.reps);
        }
      ak_review_session_next (session);
    }
  g_assert_true (ak_review_session_get_finished (session));
  g_assert_null (ak_review_session_get_current (session));

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE kind = 'review'"), ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM practice_answer"), ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT sum(seconds) FROM practice_answer"), ==, 28);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE rating <> graded"),
                   ==, 1);
  /* Attempts stay what they were. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM answer"), ==, 4);

  /* Answered today: nothing left of today's review; the wrong one comes
   * back tomorrow. */
  g_clear_object (&session);
  session = start (fixture, 50);
  g_assert_cmpuint (ak_review_session_get_n_questions (session), ==, 0);
  g_assert_cmpuint (ak_review_session_get_forecast (session)[0], >=, 1);
}

/* The daily limit counts what was reviewed earlier today; a question
 * skipped stays due. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AkReviewSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const double scores[4] = { 1, 0, 1, 0 };

  take_quiz (store_of (fixture), fixture->course, quiz_at (fixture->course, 0), scores, TRUE);
  advance (fixture, 5 * DAY);

  session = start (fixture, 3);
  g_assert_cmpuint (ak_review_session_get_n_questions (session), ==, 3);
  g_assert_cmpuint (ak_review_session_get_n_due (session), ==, 4);
  {
    g_autoptr(AkResponse) response = respond (ak_review_session_get_current (session), TRUE);

    g_assert_true (ak_review_session_check (session, response, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  ak_review_session_next (session);
  ak_review_session_next (session);
  g_clear_object (&session);

  /* One done, the limit 3: two left of the three due. */
  session = start (fixture, 3);
  g_assert_cmpuint (ak_review_session_get_n_due (session), ==, 3);
  g_assert_cmpuint (ak_review_session_get_n_questions (session), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/review/session/answer", Fixture, NULL, fixture_set_up, test_answer,
              fixture_tear_down);
  g_test_add ("/review/session/limit", Fixture, NULL, fixture_set_up, test_limit,
              fixture_tear_down);

  return g_test_run ();
}
