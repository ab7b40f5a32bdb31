/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "progress-fixtures.h"

#include "ak-review-queue.h"

/*
 * What the daily review asks: which questions, in which order, how many
 * a day, what the next days bring, and which questions are difficult.
 */

typedef struct
{
  char            *path;
  AkProgressStore *store;
  GListStore      *courses;
  AkCourse        *a;
  AkCourse        *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("queue-%u.db", n++);

  fixture->path = data_path (name);
  fixture->store = open_store (fixture->path);
  fixture->courses = g_list_store_new (AK_TYPE_COURSE);
  fixture->a = progress_test_course_new ("kurs-a", 2, 1, 6);
  fixture->b = progress_test_course_new ("kurs-b", 2, 1, 6);
  g_list_store_append (fixture->courses, fixture->a);
  g_list_store_append (fixture->courses, fixture->b);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  g_clear_object (&fixture->courses);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

/* 1 March 2024, noon, and the days after it. */
static gint64
day_time (guint day)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2024, 3, 1, 12, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_days (start, day);

  return g_date_time_to_unix (then) * G_USEC_PER_SEC;
}

static void
review (Fixture    *fixture,
        const char *course_id,
        const char *question_id,
        double      score)
{
  g_autoptr(GError) error = NULL;

  ak_progress_store_record_review_answer (fixture->store, course_id, "quiz-1", question_id,
                                          "hash", "{}", score, 5, &error);
  g_assert_no_error (error);
}

static AkReviewQueue *
refresh (Fixture *fixture,
         guint    limit)
{
  g_autoptr(GError) error = NULL;
  AkReviewQueue *queue = ak_review_queue_new (fixture->store, G_LIST_MODEL (fixture->courses));

  ak_review_queue_set_daily_limit (queue, limit);
  g_assert_true (ak_review_queue_refresh (queue, &error));
  g_assert_no_error (error);
  return queue;
}

/* Both courses' quizzes on day 0: in kurs-a two wrong, one partly right;
 * in kurs-b one wrong, the rest right. */
static void
answer_quizzes (Fixture *fixture)
{
  const double scores_a[6] = { 0, 1, 0.5, 1, 0, 1 };
  const double scores_b[6] = { 1, 1, 1, 0, 1, 1 };

  ak_progress_store_set_now (fixture->store, day_time (0));
  take_quiz (fixture->store, fixture->a, quiz_at (fixture->a, 0), scores_a, TRUE);
  take_quiz (fixture->store, fixture->b, quiz_at (fixture->b, 0), scores_b, TRUE);
}

static void
test_forecast (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AkReviewQueue) queue = NULL;
  const guint *forecast;

  answer_quizzes (fixture);
  queue = refresh (fixture, 50);
  /* Nothing is due on the day it was learnt. */
  g_assert_cmpuint (ak_review_queue_get_n_due (queue), ==, 0);
  g_assert_cmpuint (ak_review_queue_get_n_items (queue), ==, 0);
  forecast = ak_review_queue_get_forecast (queue);
  /* Again (S 0.21) and Hard (S 1.29) come back tomorrow, Good (S 2.31)
   * the day after. */
  g_assert_cmpuint (forecast[0], ==, 4);
  g_assert_cmpuint (forecast[1], ==, 8);
  for (guint i = 2; i < AK_REVIEW_FORECAST_DAYS; i++)
    g_assert_cmpuint (forecast[i], ==, 0);

  /* A day later, tomorrow's are due today. */
  ak_progress_store_set_now (fixture->store, day_time (1));
  g_clear_object (&queue);
  queue = refresh (fixture, 50);
  g_assert_cmpuint (ak_review_queue_get_n_due (queue), ==, 4);
  g_assert_cmpuint (ak_review_queue_get_forecast (queue)[0], ==, 8);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AkReviewQueue) queue = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n;

  answer_quizzes (fixture);
  ak_progress_store_set_now (fixture->store, day_time (10));
  queue = refresh (fixture, 50);
  n = ak_review_queue_get_n_items (queue);
  g_assert_cmpuint (n, ==, 12);

  /* Scheduled for one day and ten days late: ten times overdue, before
   * those scheduled for two days, five times overdue. */
  for (guint i = 0; i < n; i++)
    {
      const AkReviewItem *item = ak_review_queue_get_item (queue, i);

      g_assert_cmpuint (item->card.due_day, <=, ak_review_queue_get_today (queue));
      if (i > 0)
        g_assert_cmpfloat (item->overdueness, <=,
                           ak_review_queue_get_item (queue, i - 1)->overdueness + 1e-9);
      g_assert_cmpfloat (item->overdueness, ==, i < 4 ? 10.0 : 5.0);
      g_assert_false (g_hash_table_contains (seen, item->question));
      g_hash_table_add (seen, (gpointer)item->question);
    }

  /* Among the equally overdue, the courses take turns: kurs-b has five,
   * kurs-a three, so the first six alternate. */
  for (guint i = 5; i < 10; i++)
    g_assert_true (ak_review_queue_get_item (queue, i)->course
                   != ak_review_queue_get_item (queue, i - 1)->course);
}

/* Only questions of loaded courses are asked, and only those that are
 * still in them. */
static void
test_removed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AkReviewQueue) queue = NULL;

  answer_quizzes (fixture);
  review (fixture, "kurs-a", "gone", 0);
  review (fixture, "kurs-x", "q1-1", 0);
  ak_progress_store_set_now (fixture->store, day_time (3));
  queue = refresh (fixture, 50);
  g_assert_cmpuint (ak_review_queue_get_n_due (queue), ==, 12);

  /* A course unloaded leaves the queue at the next refresh. */
  g_list_store_remove (fixture->courses, 1);
  g_assert_true (ak_review_queue_refresh (queue, NULL));
  g_assert_cmpuint (ak_review_queue_get_n_due (queue), ==, 6);
  for (guint i = 0; i < ak_review_queue_get_n_items (queue); i++)
    g_assert_true (ak_review_queue_get_item (queue, i)->course == fixture->a);
}

/* The daily limit counts the reviews done today, not those of
 * yesterday, nor quiz answers. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AkReviewQueue) queue = NULL;

  answer_quizzes (fixture);
  ak_progress_store_set_now (fixture->store, day_time (5) - (gint64)2 * 3600 * G_USEC_PER_SEC);
  review (fixture, "kurs-a", "q1-1", 1);
  ak_progress_store_set_now (fixture->store, day_time (6));
  review (fixture, "kurs-a", "q1-2", 1);
  review (fixture, "kurs-b", "q1-2", 1);

  queue = refresh (fixture, 5);
  g_assert_cmpuint (ak_review_queue_get_n_done_today (queue), ==, 2);
  g_assert_cmpuint (ak_review_queue_get_n_due (queue), ==, 9);
  g_assert_cmpuint (ak_review_queue_get_n_items (queue), ==, 3);

  ak_review_queue_set_daily_limit (queue, 2);
  g_assert_true (ak_review_queue_refresh (queue, NULL));
  g_assert_cmpuint (ak_review_queue_get_n_items (queue), ==, 0);

  g_clear_object (&queue);
  queue = refresh (fixture, AK_REVIEW_DEFAULT_DAILY_LIMIT);
  g_assert_cmpuint (ak_review_queue_get_n_items (queue), ==, 9);
}

/* A question forgotten four times is difficult, with its section. */
static void
test_difficult (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) difficult = NULL;
  g_autoptr(GError) error = NULL;
  AkDifficultQuestion *question;

  answer_quizzes (fixture);
  for (guint day = 1; day <= 4; day++)
    {
      ak_progress_store_set_now (fixture->store, day_time (day * 2));
      review (fixture, "kurs-b", "q1-3", 0);
      if (day < 4)
        review (fixture, "kurs-a", "q1-3", 0);
    }

  difficult = ak_review_list_difficult (fixture->store, G_LIST_MODEL (fixture->courses),
                                        AK_REVIEW_DIFFICULT_LAPSES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (difficult->len, ==, 1);
  question = g_ptr_array_index (difficult, 0);
  g_assert_cmpstr (question->course_id, ==, "kurs-b");
  g_assert_cmpstr (question->question_id, ==, "q1-3");
  g_assert_cmpuint (question->lapses, ==, 4);
  g_assert_cmpstr (question->quiz_id, ==, "quiz-1");
  /* q1-3 tests thesis-1, taught in the first section of lesson 1. */
  g_assert_cmpstr (question->lesson_id, ==, "lesson-1");
  g_assert_cmpstr (question->section_id, ==, "section-1-1");
  g_assert_cmpstr (question->section_title, ==, "Section 1.1");
  g_assert_cmpstr (question->prompt_text, ==, "Question 3 of quiz 1");

  g_clear_pointer (&difficult, g_ptr_array_unref);
  difficult = ak_review_list_difficult (fixture->store, G_LIST_MODEL (fixture->courses), 3,
                                        &error);
  g_assert_cmpuint (difficult->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/queue/forecast", test_forecast);
  ADD ("/review/queue/order", test_order);
  ADD ("/review/queue/removed", test_removed);
  ADD ("/review/queue/limit", test_limit);
  ADD ("/review/queue/difficult", test_difficult);
#undef ADD

  return g_test_run ();
}
