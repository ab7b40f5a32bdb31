/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ak-quiz-session.h"
#include "session-fixtures.h"

/* How the test answers a question. */
typedef enum
{
  ANSWER_RIGHT,
  ANSWER_PARTLY,    /* partly right where the type allows it, else wrong */
  ANSWER_WRONG
} Answer;

static AkResponse *
make_response (AkQuestion *question,
               Answer      answer)
{
  AkResponse *response = ak_response_new (question->type);

  switch (question->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
      for (guint i = 0; i < question->choices->len; i++)
        {
          AkChoice *choice = g_ptr_array_index (question->choices, i);

          /* The first wrong choice, which has feedback in the test course. */
          if (!choice->correct == (answer != ANSWER_RIGHT))
            {
              ak_response_set_choice (response, choice->id);
              break;
            }
        }
      break;

    case AK_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < question->choices->len; i++)
        {
          AkChoice *choice = g_ptr_array_index (question->choices, i);
          gboolean pick = answer == ANSWER_RIGHT ? choice->correct
                          : answer == ANSWER_WRONG ? !choice->correct
                          : choice->correct && i == 0;

          ak_response_set_choice_selected (response, choice->id, pick);
        }
      break;

    case AK_QUESTION_TRUE_FALSE:
      ak_response_set_boolean (response,
                               answer == ANSWER_RIGHT ? question->answer : !question->answer);
      break;

    case AK_QUESTION_GAP_TEXT:
      ak_response_set_gap (response, "g1", answer == ANSWER_WRONG ? "Wolf" : "Baer");
      ak_response_set_gap (response, "g2", answer == ANSWER_RIGHT ? "Maus" : "Katze");
      break;

    case AK_QUESTION_ORDERING:
      {
        const char *right[] = { "eins", "zwei", "drei", "vier", NULL };
        const char *partly[] = { "zwei", "drei", "vier", "eins", NULL };
        const char *wrong[] = { "vier", "drei", "zwei", "eins", NULL };

        ak_response_set_order (response, answer == ANSWER_RIGHT ? right
                                         : answer == ANSWER_PARTLY ? partly : wrong);
      }
      break;

    case AK_QUESTION_MATCHING:
      ak_response_set_match (response, "p1", answer == ANSWER_WRONG ? "d1" : "p1");
      ak_response_set_match (response, "p2", answer == ANSWER_RIGHT ? "p2" : "p3");
      ak_response_set_match (response, "p3", answer == ANSWER_RIGHT ? "p3"
                                             : answer == ANSWER_PARTLY ? "p2" : "p1");
      break;

    case AK_QUESTION_SHORT_ANSWER:
      ak_response_set_text (response, answer == ANSWER_RIGHT ? question->accepted[0] : "Weg");
      break;

    case AK_QUESTION_NUMERIC:
      {
        /* Within the tolerance, with a decimal comma: "3,6 %" for 3.5 ± 0.25. */
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *text = NULL;

        g_ascii_formatd (number, sizeof number, "%g", question->value + question->tolerance / 2);
        g_strdelimit (number, ".", ',');
        text = g_strdup_printf ("%s %s", number, question->unit != NULL ? question->unit : "");
        ak_response_set_text (response, answer == ANSWER_RIGHT ? text : "-100");
      }
      break;

    case AK_N_QUESTION_TYPES:
    default:
      g_assert_not_reached ();
    }
  return response;
}

/* The score each question of "alle" gets from make_response (ANSWER_PARTLY). */
static double
partly_score (const char *question_id)
{
  if (g_str_equal (question_id, "mehrfach") || g_str_equal (question_id, "luecke"))
    return 0.5;
  if (g_str_equal (question_id, "reihe"))
    return 2.0 / 3.0;
  if (g_str_equal (question_id, "paare"))
    return 1.0 / 3.0;
  return 0.0;
}

static AkFeedbackPart *
find_part (AkQuizFeedback *feedback,
           const char     *id)
{
  for (guint i = 0; i < feedback->parts->len; i++)
    {
      AkFeedbackPart *part = g_ptr_array_index (feedback->parts, i);

      if (g_str_equal (part->id, id))
        return part;
    }
  g_error ("No part “%s” in the feedback to %s", id, feedback->question_id);
}

static void
assert_link (AkQuizFeedback *feedback,
             guint           index,
             const char     *thesis_id,
             const char     *section_id,
             const char     *section_title)
{
  AkLessonLink *link;

  g_assert_cmpuint (index, <, feedback->links->len);
  link = g_ptr_array_index (feedback->links, index);
  g_assert_cmpstr (link->course_id, ==, "sitzung");
  g_assert_cmpstr (link->thesis_id, ==, thesis_id);
  g_assert_cmpstr (link->lesson_id, ==, "lektion");
  g_assert_cmpstr (link->lesson_title, ==, "Die Lektion");
  g_assert_cmpstr (link->section_id, ==, section_id);
  g_assert_cmpstr (link->section_title, ==, section_title);
}

/* What the learner is told about each question, beyond the score. */
static void
check_feedback (AkQuizFeedback *feedback,
                Answer          answer)
{
  const char *id = feedback->question_id;

  g_assert_nonnull (feedback->explanation);
  g_assert_cmpuint (feedback->links->len, >=, 1);
  g_assert_false (feedback->changed);

  if (g_str_equal (id, "einfach"))
    {
      assert_link (feedback, 0, "these-a", "einstieg", "Der Einstieg");
      g_assert_cmpstr (feedback->explanation, ==, "A ist richtig.");
      g_assert_cmpuint (feedback->parts->len, ==, 4);
      g_assert_true (find_part (feedback, "a")->correct);
      g_assert_cmpint (find_part (feedback, "a")->picked, ==, answer == ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "a")->right, ==, answer == ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "b")->right, ==, answer == ANSWER_RIGHT);
      g_assert_true (find_part (feedback, "c")->right);
      if (answer == ANSWER_RIGHT)
        g_assert_cmpuint (feedback->choice_feedback->len, ==, 0);
      else
        {
          g_assert_cmpuint (feedback->choice_feedback->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (feedback->choice_feedback, 0), ==, "Nicht B.");
        }
    }
  else if (g_str_equal (id, "mehrfach"))
    {
      g_assert_cmpuint (feedback->links->len, ==, 2);
      assert_link (feedback, 0, "these-a", "einstieg", "Der Einstieg");
      assert_link (feedback, 1, "these-b", "vertiefung", "Die Vertiefung");
      /* Partly: A ticked, B (right) missed. */
      g_assert_cmpint (find_part (feedback, "b")->right, ==, answer == ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "a")->right, ==, answer != ANSWER_WRONG);
      g_assert_cmpint (find_part (feedback, "c")->picked, ==, answer == ANSWER_WRONG);
      g_assert_cmpuint (feedback->choice_feedback->len, ==, answer == ANSWER_WRONG ? 1 : 0);
    }
  else if (g_str_equal (id, "wahr"))
    {
      /* The statement is false: a wrong answer shows "false" as the right one. */
      g_assert_cmpuint (feedback->parts->len, ==, 2);
      g_assert_cmpint (find_part (feedback, "true")->picked, ==, answer != ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "true")->correct, ==, FALSE);
      g_assert_cmpint (find_part (feedback, "false")->picked, ==, answer == ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "false")->correct, ==, TRUE);
      g_assert_cmpint (find_part (feedback, "false")->right, ==, answer == ANSWER_RIGHT);
      g_assert_cmpuint (feedback->choice_feedback->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (feedback->choice_feedback, 0), ==,
                       answer == ANSWER_RIGHT ? "Genau." : "Leider nein.");
    }
  else if (g_str_equal (id, "luecke"))
    {
      g_assert_cmpint (find_part (feedback, "g1")->right, ==, answer != ANSWER_WRONG);
      g_assert_cmpint (find_part (feedback, "g2")->right, ==, answer == ANSWER_RIGHT);
      g_assert_true (find_part (feedback, "g2")->picked);
    }
  else if (g_str_equal (id, "reihe"))
    {
      /* In the learner's order; right where the pair before it holds. */
      static const char *const expected[][4] = {
        [ANSWER_RIGHT] = { "eins", "zwei", "drei", "vier" },
        [ANSWER_PARTLY] = { "zwei", "drei", "vier", "eins" },
        [ANSWER_WRONG] = { "vier", "drei", "zwei", "eins" },
      };
      static const gboolean right[][4] = {
        [ANSWER_RIGHT] = { TRUE, TRUE, TRUE, TRUE },
        [ANSWER_PARTLY] = { FALSE, TRUE, TRUE, FALSE },
        [ANSWER_WRONG] = { FALSE, FALSE, FALSE, FALSE },
      };

      g_assert_cmpuint (feedback->parts->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        {
          AkFeedbackPart *part = g_ptr_array_index (feedback->parts, i);

          g_assert_cmpstr (part->id, ==, expected[answer][i]);
          g_assert_cmpint (part->right, ==, right[answer][i]);
        }
    }
  else if (g_str_equal (id, "paare"))
    {
      g_assert_cmpuint (feedback->parts->len, ==, 3);
      g_assert_cmpint (find_part (feedback, "p1")->right, ==, answer != ANSWER_WRONG);
      g_assert_cmpint (find_part (feedback, "p2")->right, ==, answer == ANSWER_RIGHT);
      g_assert_cmpint (find_part (feedback, "p3")->right, ==, answer == ANSWER_RIGHT);
    }
  else if (g_str_equal (id, "kurz") || g_str_equal (id, "zahl"))
    g_assert_cmpuint (feedback->parts->len, ==, 0);
}

/* Answers every question of @session the same way, checking the feedback. */
static void
answer_all (AkQuizSession *session,
            Answer         answer)
{
  AkQuestion *question;

  while ((question = ak_quiz_session_get_current (session)) != NULL)
    {
      g_autoptr(AkResponse) response = make_response (question, answer);
      g_autoptr(AkQuizFeedback) feedback = NULL;
      g_autoptr(GError) error = NULL;
      double expected = answer == ANSWER_RIGHT ? 1.0
                        : answer == ANSWER_PARTLY ? partly_score (question->id) : 0.0;

      session_test_advance (ak_quiz_session_get_context (session), 20);
      g_assert_true (ak_quiz_session_check (session, response, &feedback, &error));
      g_assert_no_error (error);
      g_assert_nonnull (feedback);
      g_assert_cmpstr (feedback->question_id, ==, question->id);
      g_assert_cmpfloat_with_epsilon (feedback->score, expected, 1e-9);
      g_assert_cmpint (feedback->verdict, ==, ak_verdict_from_score (expected));
      if (answer == ANSWER_PARTLY && expected > 0)
        g_assert_cmpint (feedback->verdict, ==, AK_VERDICT_PARTLY_RIGHT);
      check_feedback (feedback, answer);
    }
}

static void
play_whole_attempt (Answer answer)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  /* mehrfach 2 × 0.5, luecke 0.5, reihe 2/3, paare 1/3 of 9 points */
  double expected = answer == ANSWER_RIGHT ? 9.0 : answer == ANSWER_PARTLY ? 2.5 : 0.0;

  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  g_assert_false (ak_quiz_session_get_resumed (session));
  g_assert_cmpuint (ak_quiz_session_get_n_questions (session), ==, 8);

  answer_all (session, answer);
  g_assert_cmpuint (ak_quiz_session_get_position (session), ==, 8);
  /* Twenty seconds for each of the eight answers. */
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_seconds (session), 160.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_points (session), expected, 1e-9);
  g_assert_cmpfloat (ak_quiz_session_get_max_points (session), ==, 9.0);
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_percent (session),
                                  100.0 * expected / 9.0, 1e-9);
  g_assert_cmpint (ak_quiz_session_get_passed (session), ==, answer == ANSWER_RIGHT);

  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);
  g_assert_true (ak_quiz_session_get_finished (session));

  /* The store holds the attempt as the learner would see it later. */
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM answer"), ==, 8);
  g_assert_cmpint (session_test_query_int (context, "SELECT total (seconds) FROM answer"),
                   ==, 8 * 20);
  g_assert_cmpfloat_with_epsilon (session_test_query_double (context,
                                                             "SELECT score FROM attempt"),
                                  expected, 1e-9);
  g_assert_cmpint (session_test_query_int (context, "SELECT max_score FROM attempt"), ==, 9);
  g_assert_cmpint (session_test_query_int (context, "SELECT passed FROM attempt"),
                   ==, answer == ANSWER_RIGHT);
  g_assert_cmpint (session_test_query_int (context,
                                           "SELECT count(*) FROM attempt"
                                           " WHERE state = 'finished'"), ==, 1);
}

static void
test_all_right (void)
{
  play_whole_attempt (ANSWER_RIGHT);
}

static void
test_partly_right (void)
{
  play_whole_attempt (ANSWER_PARTLY);
}

static void
test_all_wrong (void)
{
  play_whole_attempt (ANSWER_WRONG);
}

/* The order a session shows, as text: one line per question. */
static char *
describe_order (AkQuizSession *session)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
    {
      AkQuestion *question = ak_quiz_session_get_question (session, i);
      GPtrArray *choices = ak_quiz_session_get_choices (session, question->id);
      GPtrArray *targets = ak_quiz_session_get_targets (session, question->id);

      g_string_append_printf (text, "%s:", question->id);
      for (guint j = 0; j < choices->len; j++)
        g_string_append_printf (text, " %s", ((AkChoice *)g_ptr_array_index (choices, j))->id);
      g_string_append (text, " |");
      for (guint j = 0; j < targets->len; j++)
        g_string_append_printf (text, " %s", ((AkMatchTarget *)g_ptr_array_index (targets, j))->id);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
write_all (int         fd,
           const char *text)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      gssize written = write (fd, text, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        _exit (3);
      text += written;
      length -= written;
    }
}

/* The child: starts an attempt, reports its order, answers two questions
 * and is killed before it can do anything else. */
static void G_GNUC_NORETURN
answer_two_and_die (int fd)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = ak_quiz_session_new (context, course, "alle", NULL);
  g_autofree char *order = NULL;

  if (session == NULL)
    _exit (4);
  order = describe_order (session);
  write_all (fd, order);
  for (guint i = 0; i < 2; i++)
    {
      AkQuestion *question = ak_quiz_session_get_current (session);
      g_autoptr(AkResponse) response = make_response (question, i == 0 ? ANSWER_RIGHT
                                                                       : ANSWER_WRONG);

      session_test_advance (context, 30);
      if (!ak_quiz_session_check (session, response, NULL, NULL))
        _exit (5);
    }
  raise (SIGKILL);
  _exit (6);
}

static void
test_resume_after_kill (void)
{
  g_autoptr(GString) reported = g_string_new (NULL);
  g_autoptr(AkContext) context = NULL;
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  int fds[2];
  int status = 0;
  pid_t pid;
  char buffer[1024];
  gssize n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* A forked child would draw the parent's random numbers; the app
       * started again would not. */
      g_random_set_seed ((guint32)getpid ());
      close (fds[0]);
      answer_two_and_die (fds[1]);
    }
  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (reported, buffer, n);
    }
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The learner opens the quiz again. */
  context = session_test_context_new (TRUE);
  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  g_assert_true (ak_quiz_session_get_resumed (session));
  g_assert_cmpuint (ak_quiz_session_get_changes (session)->len, ==, 0);

  order = describe_order (session);
  g_assert_cmpstr (order, ==, reported->str);

  for (guint i = 0; i < 2; i++)
    {
      AkQuestion *question = ak_quiz_session_get_question (session, i);
      g_autoptr(AkResponse) expected = make_response (question, i == 0 ? ANSWER_RIGHT
                                                                       : ANSWER_WRONG);
      g_autofree char *expected_json = ak_response_to_json (expected);
      g_autofree char *kept_json = NULL;

      g_assert_true (ak_quiz_session_is_answered (session, question->id));
      kept_json = ak_response_to_json (ak_quiz_session_get_response (session, question->id));
      g_assert_cmpstr (kept_json, ==, expected_json);
    }
  g_assert_false (ak_quiz_session_is_answered (session,
                                               ak_quiz_session_get_question (session, 2)->id));
  g_assert_cmpuint (ak_quiz_session_get_position (session), ==, 2);
  g_assert_true (ak_quiz_session_get_current (session)
                 == ak_quiz_session_get_question (session, 2));
  g_assert_cmpfloat (ak_quiz_session_get_points (session), ==,
                     ak_quiz_session_get_question (session, 0)->points);

  /* The rest of the attempt goes on from there. */
  answer_all (session, ANSWER_RIGHT);
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM answer"), ==, 8);
  /* The time taken counts the answers given before the kill too. */
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_seconds (session),
                                  session_test_query_double (context,
                                                             "SELECT total (seconds) FROM answer"),
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_seconds (session), 2 * 30 + 6 * 20, 1e-6);
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM attempt"), ==, 1);
}

static void
test_practice (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(AkQuizSession) practice = NULL;
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missed = NULL;
  AkQuizProgress *quiz_progress;
  AkQuestion *question;
  guint n = 0;

  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  answer_all (session, ANSWER_PARTLY);
  g_assert_true (ak_quiz_session_finish (session, &error));

  /* Everything is missed but for nothing: the partly right ones too. */
  missed = ak_quiz_session_list_missed (session);
  g_assert_cmpuint (g_strv_length (missed), ==, 8);
  g_clear_object (&session);

  /* A new attempt, answered right except for two questions. */
  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  g_assert_false (ak_quiz_session_get_resumed (session));
  while ((question = ak_quiz_session_get_current (session)) != NULL)
    {
      gboolean miss = g_str_equal (question->id, "reihe") || g_str_equal (question->id, "kurz");
      g_autoptr(AkResponse) response = make_response (question,
                                                      miss ? ANSWER_PARTLY : ANSWER_RIGHT);

      g_assert_true (ak_quiz_session_check (session, response, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);

  practice = ak_quiz_session_start_practice (session, &error);
  g_assert_no_error (error);
  g_assert_true (ak_quiz_session_get_practice (practice));
  g_assert_cmpint (ak_quiz_session_get_attempt_id (practice), ==, 0);
  g_assert_cmpuint (ak_quiz_session_get_n_questions (practice), ==, 2);
  while ((question = ak_quiz_session_get_current (practice)) != NULL)
    {
      g_autoptr(AkResponse) response = make_response (question, ANSWER_RIGHT);
      g_autoptr(AkQuizFeedback) feedback = NULL;

      g_assert_true (g_str_equal (question->id, "reihe") || g_str_equal (question->id, "kurz"));
      session_test_advance (context, 20);
      g_assert_true (ak_quiz_session_check (practice, response, &feedback, &error));
      g_assert_no_error (error);
      g_assert_cmpint (feedback->verdict, ==, AK_VERDICT_RIGHT);
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (ak_quiz_session_get_percent (practice), ==, 100.0);
  g_assert_true (ak_quiz_session_finish (practice, &error));
  g_assert_no_error (error);

  /* Recorded as practice; the attempts and their results are untouched. */
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM practice_answer"),
                   ==, 2);
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM attempt"), ==, 2);
  g_assert_cmpint (session_test_query_int (context, "SELECT count(*) FROM answer"), ==, 16);

  progress = ak_progress_store_get_course_progress (ak_context_get_store (context), course,
                                                    &error);
  g_assert_no_error (error);
  quiz_progress = g_ptr_array_index (progress->quizzes, 0);
  g_assert_cmpstr (quiz_progress->quiz_id, ==, "alle");
  g_assert_cmpuint (quiz_progress->n_attempts, ==, 2);
  /* The time practising counts as time spent on the course. */
  g_assert_cmpfloat (progress->seconds, ==,
                     session_test_query_double (context, "SELECT total (seconds) FROM answer")
                     + 2 * 20);
  g_assert_cmpint (quiz_progress->open_attempt, ==, 0);
  /* (9 − 2/3 × 1 − 1) / 9 */
  g_assert_cmpfloat_with_epsilon (quiz_progress->last_score, (9.0 - 1.0 / 3.0 - 1.0) / 9.0,
                                  1e-9);
  history = ak_progress_store_get_quiz_history (ak_context_get_store (context), "sitzung", "alle",
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  /* Nothing left to practise after a perfect round. */
  g_clear_object (&session);
  session = ak_quiz_session_new (context, course, "alle", &error);
  answer_all (session, ANSWER_RIGHT);
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_clear_object (&practice);
  practice = ak_quiz_session_start_practice (session, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (practice);
}

static void
test_exam_mode (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  AkQuestion *question;

  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  ak_quiz_session_set_exam_mode (session, TRUE);

  while ((question = ak_quiz_session_get_current (session)) != NULL)
    {
      g_autoptr(AkResponse) response = make_response (question, ANSWER_WRONG);
      AkQuizFeedback *feedback = NULL;

      g_assert_true (ak_quiz_session_check (session, response, &feedback, &error));
      g_assert_no_error (error);
      g_assert_null (feedback);
      g_assert_null (ak_quiz_session_get_feedback (session, question->id));
    }

  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
    {
      g_autoptr(AkQuizFeedback) feedback = NULL;

      question = ak_quiz_session_get_question (session, i);
      feedback = ak_quiz_session_get_feedback (session, question->id);
      g_assert_nonnull (feedback);
      g_assert_cmpint (feedback->verdict, ==, AK_VERDICT_WRONG);
      check_feedback (feedback, ANSWER_WRONG);
    }
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Replaces the one occurrence of @from in @text. */
static void
replace_once (GString    *text,
              const char *from,
              const char *to)
{
  g_assert_cmpuint (g_string_replace (text, from, to, 0), ==, 1);
}

static AkCourse *
edit_course (const char *original,
             const char *folder)
{
  g_autofree char *contents = read_text (original);
  g_autoptr(GString) text = g_string_new (contents);
  g_autofree char *path = g_build_filename (folder, "quiz.xml", NULL);
  g_autoptr(GError) error = NULL;

  /* f1 answered and changed, f2 answered and removed, f4 not answered
   * and removed, f6 new at the start. */
  replace_once (text, "<prompt>Erste Frage?</prompt>", "<prompt>Die erste Frage?</prompt>");
  replace_once (text,
                "    <true-false id=\"f2\" tests=\"these-b\" answer=\"true\">\n"
                "      <prompt>Zweite Frage?</prompt>\n"
                "      <explanation>Ja.</explanation>\n"
                "    </true-false>\n", "");
  replace_once (text,
                "    <short-answer id=\"f4\" tests=\"these-b\">\n"
                "      <prompt>Vierte Frage?</prompt>\n"
                "      <accept>vier</accept>\n"
                "      <explanation>Vier.</explanation>\n"
                "    </short-answer>\n", "");
  replace_once (text, "    <title>Feste Reihenfolge</title>\n",
                "    <title>Feste Reihenfolge</title>\n"
                "    <true-false id=\"f6\" tests=\"these-b\" answer=\"false\">\n"
                "      <prompt>Neue Frage?</prompt>\n"
                "      <explanation>Nein.</explanation>\n"
                "    </true-false>\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return session_test_load_file (path);
}

static const AkQuizChange *
find_change (AkQuizSession *session,
             const char    *question_id)
{
  GPtrArray *changes = ak_quiz_session_get_changes (session);

  for (guint i = 0; i < changes->len; i++)
    {
      AkQuizChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->question_id, question_id))
        return change;
    }
  return NULL;
}

static void
test_course_edited (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autofree char *original = session_test_course_path ();
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "kurse", NULL);
  g_autoptr(AkCourse) course = session_test_load_file (original);
  g_autoptr(AkCourse) edited = NULL;
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(AkQuizFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const expected_order[] = { "f1", "f3", "f5", "f6" };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  session = ak_quiz_session_new (context, course, "fest", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AkResponse) response = make_response (ak_quiz_session_get_current (session),
                                                      ANSWER_RIGHT);

      g_assert_true (ak_quiz_session_check (session, response, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&session);

  /* The trainer saves an edited file; the library reloads it. */
  edited = edit_course (original, folder);
  session = ak_quiz_session_new (context, edited, "fest", &error);
  g_assert_no_error (error);
  g_assert_true (ak_quiz_session_get_resumed (session));

  g_assert_cmpuint (ak_quiz_session_get_changes (session)->len, ==, 4);
  g_assert_cmpint (find_change (session, "f1")->kind, ==, AK_QUIZ_CHANGE_CHANGED);
  g_assert_cmpint (find_change (session, "f2")->kind, ==, AK_QUIZ_CHANGE_REMOVED);
  g_assert_cmpint (find_change (session, "f4")->kind, ==, AK_QUIZ_CHANGE_REMOVED);
  g_assert_cmpint (find_change (session, "f6")->kind, ==, AK_QUIZ_CHANGE_ADDED);
  g_assert_null (find_change (session, "f3"));

  /* The order goes on; the new question comes last. */
  g_assert_cmpuint (ak_quiz_session_get_n_questions (session), ==, G_N_ELEMENTS (expected_order));
  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    g_assert_cmpstr (ak_quiz_session_get_question (session, i)->id, ==, expected_order[i]);
  g_assert_cmpuint (ak_quiz_session_get_position (session), ==, 1);

  /* The answer to the changed question stands, with its score. */
  g_assert_true (ak_quiz_session_is_answered (session, "f1"));
  feedback = ak_quiz_session_get_feedback (session, "f1");
  g_assert_true (feedback->changed);
  g_assert_cmpint (feedback->verdict, ==, AK_VERDICT_RIGHT);
  g_assert_cmpfloat (ak_quiz_session_get_points (session), ==, 1.0);
  g_assert_cmpfloat (ak_quiz_session_get_max_points (session), ==, 4.0);

  answer_all (session, ANSWER_WRONG);
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_test_query_int (context, "SELECT max_score FROM attempt"), ==, 4);
  g_assert_cmpint (session_test_query_int (context, "SELECT score FROM attempt"), ==, 1);
  /* The removed question's answer stays in the history. */
  g_assert_cmpint (session_test_query_int (context,
                                           "SELECT count(*) FROM answer WHERE question_id = 'f2'"),
                   ==, 1);
}

static void
test_start_over (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(AkQuizSession) again = NULL;
  g_autoptr(AkResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_quiz_session_new (context, course, "fest", &error);
  g_assert_no_error (error);
  response = make_response (ak_quiz_session_get_current (session), ANSWER_RIGHT);
  g_assert_true (ak_quiz_session_check (session, response, NULL, &error));
  g_assert_true (ak_quiz_session_abandon (session, &error));
  g_assert_no_error (error);

  again = ak_quiz_session_new (context, course, "fest", &error);
  g_assert_no_error (error);
  g_assert_false (ak_quiz_session_get_resumed (again));
  g_assert_cmpuint (ak_quiz_session_get_position (again), ==, 0);
  g_assert_cmpint (ak_quiz_session_get_attempt_id (again), !=,
                   ak_quiz_session_get_attempt_id (session));
  g_assert_cmpint (session_test_query_int (context,
                                           "SELECT count(*) FROM attempt"
                                           " WHERE state = 'abandoned'"), ==, 1);
}

static void
test_quiz_removed (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_quiz_session_new (context, course, "gibt-es-nicht", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (session);
}

static guint
index_of_choice (GPtrArray  *choices,
                 const char *id)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_str_equal (((AkChoice *)g_ptr_array_index (choices, i))->id, id))
      return i;
  g_assert_not_reached ();
}

#define N_SHUFFLED_ATTEMPTS 60

static void
test_shuffle_positions (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(GHashTable) question_orders = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                 g_free, NULL);
  guint right_positions[4] = { 0 };
  guint first_questions = 0;

  for (guint round = 0; round < N_SHUFFLED_ATTEMPTS; round++)
    {
      g_autoptr(AkQuizSession) session = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) order = g_string_new (NULL);
      GPtrArray *items;

      session = ak_quiz_session_new (context, course, "alle", &error);
      g_assert_no_error (error);
      g_assert_false (ak_quiz_session_get_resumed (session));

      right_positions[index_of_choice (ak_quiz_session_get_choices (session, "einfach"), "a")]++;
      for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
        g_string_append_printf (order, "%s ", ak_quiz_session_get_question (session, i)->id);
      g_hash_table_add (question_orders, g_string_free (g_steal_pointer (&order), FALSE));
      if (g_str_equal (ak_quiz_session_get_question (session, 0)->id, "einfach"))
        first_questions++;

      /* The learner never starts from the right order. */
      items = ak_quiz_session_get_choices (session, "reihe");
      g_assert_cmpuint (items->len, ==, 4);
      g_assert_false (index_of_choice (items, "eins") == 0 && index_of_choice (items, "zwei") == 1
                      && index_of_choice (items, "drei") == 2);
      g_assert_cmpuint (ak_quiz_session_get_targets (session, "paare")->len, ==, 4);

      g_assert_true (ak_quiz_session_finish (session, &error));
      g_assert_no_error (error);
    }

  /* With 60 attempts, a position is missed by chance with p < 4 × 0.75^60. */
  for (guint i = 0; i < G_N_ELEMENTS (right_positions); i++)
    {
      g_test_message ("right choice at %u: %u times", i, right_positions[i]);
      g_assert_cmpuint (right_positions[i], >, 0);
    }
  g_assert_cmpuint (g_hash_table_size (question_orders), >, N_SHUFFLED_ATTEMPTS / 2);
  g_assert_cmpuint (first_questions, <, N_SHUFFLED_ATTEMPTS);
}

static void
test_ordering_never_right (void)
{
  g_autoptr(AkContext) context = session_test_context_new (FALSE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  AkQuiz *quiz = ak_course_find_quiz (course, "alle");
  AkQuestion *question = ak_quiz_find_question (quiz, "reihe");

  /* With two items there is one wrong order only: it must be that one. */
  g_ptr_array_set_size (question->items, 2);
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(AkQuizSession) session = ak_quiz_session_new (context, course, "alle", NULL);
      GPtrArray *items = ak_quiz_session_get_choices (session, "reihe");

      g_assert_cmpuint (items->len, ==, 2);
      g_assert_cmpstr (((AkChoice *)g_ptr_array_index (items, 0))->id, ==, "zwei");
      g_assert_cmpstr (((AkChoice *)g_ptr_array_index (items, 1))->id, ==, "eins");
    }
}

static void
test_shuffle_resumed (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(AkQuizSession) session = ak_quiz_session_new (context, course, "alle", &error);
      g_autoptr(AkQuizSession) resumed = NULL;
      g_autofree char *order = describe_order (session);
      g_autofree char *resumed_order = NULL;

      g_assert_no_error (error);
      resumed = ak_quiz_session_new (context, course, "alle", &error);
      g_assert_no_error (error);
      g_assert_true (ak_quiz_session_get_resumed (resumed));
      g_assert_cmpint (ak_quiz_session_get_attempt_id (resumed), ==,
                       ak_quiz_session_get_attempt_id (session));
      resumed_order = describe_order (resumed);
      g_assert_cmpstr (resumed_order, ==, order);
      g_assert_true (ak_quiz_session_finish (resumed, &error));
      g_assert_no_error (error);
    }
}

static void
test_shuffle_pinned (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  AkQuiz *quiz = ak_course_find_quiz (course, "fest");
  guint f3_in_file_order = 0;

  /* The quiz keeps its questions in order; only f1 pins its choices. */
  g_assert_false (quiz->shuffle);
  g_assert_true (ak_quiz_find_question (quiz, "f1")->keep_order);
  g_assert_false (ak_quiz_find_question (quiz, "f3")->keep_order);
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(AkQuizSession) session = NULL;
      g_autoptr(GError) error = NULL;

      session = ak_quiz_session_new (context, course, "fest", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ak_quiz_session_get_n_questions (session), ==, quiz->questions->len);
      for (guint i = 0; i < quiz->questions->len; i++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, i);
          GPtrArray *choices = ak_quiz_session_get_choices (session, question->id);

          g_assert_true (ak_quiz_session_get_question (session, i) == question);
          if (question->keep_order)
            {
              g_assert_cmpuint (choices->len, ==, question->choices->len);
              for (guint j = 0; j < choices->len; j++)
                g_assert_true (g_ptr_array_index (choices, j)
                               == g_ptr_array_index (question->choices, j));
            }
          else if (g_str_equal (question->id, "f3"))
            {
              GPtrArray *shown = ak_quiz_session_get_choices (session, "f3");

              if (index_of_choice (shown, "a") == 0 && index_of_choice (shown, "b") == 1)
                f3_in_file_order++;
            }
        }
      g_assert_true (ak_quiz_session_finish (session, &error));
      g_assert_no_error (error);
    }

  /* The file's order comes up by chance in at most a few of 20 attempts. */
  g_assert_cmpuint (f3_in_file_order, <, 20);
}

static void
count_changed_cb (AkProgressStore *store,
                  const char      *course_id,
                  guint           *n_changed)
{
  g_assert_cmpstr (course_id, ==, "sitzung");
  (*n_changed)++;
}

static void
test_store_changed (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (ak_context_get_store (context), "changed",
                    G_CALLBACK (count_changed_cb), &n_changed);

  session = ak_quiz_session_new (context, course, "fest", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  answer_all (session, ANSWER_RIGHT);
  g_assert_cmpuint (n_changed, ==, 1 + 5);
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_cmpuint (n_changed, ==, 1 + 5 + 1);

  g_signal_handlers_disconnect_by_data (ak_context_get_store (context), &n_changed);
}

static void
test_without_store (void)
{
  g_autoptr(AkContext) context = session_test_context_new (FALSE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(AkQuizSession) practice = NULL;
  g_autoptr(GError) error = NULL;

  /* Progress cannot be saved: the learner can still take the quiz. */
  session = ak_quiz_session_new (context, course, "alle", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ak_quiz_session_get_attempt_id (session), ==, 0);
  answer_all (session, ANSWER_PARTLY);
  g_assert_cmpfloat_with_epsilon (ak_quiz_session_get_points (session), 2.5, 1e-9);
  g_assert_true (ak_quiz_session_finish (session, &error));
  g_assert_no_error (error);

  practice = ak_quiz_session_start_practice (session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ak_quiz_session_get_n_questions (practice), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/quiz-session/attempt/all-right", test_all_right);
  g_test_add_func ("/quiz-session/attempt/partly-right", test_partly_right);
  g_test_add_func ("/quiz-session/attempt/all-wrong", test_all_wrong);
  g_test_add_func ("/quiz-session/attempt/resume-after-kill", test_resume_after_kill);
  g_test_add_func ("/quiz-session/attempt/exam-mode", test_exam_mode);
  g_test_add_func ("/quiz-session/attempt/course-edited", test_course_edited);
  g_test_add_func ("/quiz-session/attempt/start-over", test_start_over);
  g_test_add_func ("/quiz-session/attempt/quiz-removed", test_quiz_removed);
  g_test_add_func ("/quiz-session/attempt/without-store", test_without_store);
  g_test_add_func ("/quiz-session/practice", test_practice);
  g_test_add_func ("/quiz-session/shuffle/positions", test_shuffle_positions);
  g_test_add_func ("/quiz-session/shuffle/ordering-never-right", test_ordering_never_right);
  g_test_add_func ("/quiz-session/shuffle/resumed", test_shuffle_resumed);
  g_test_add_func ("/quiz-session/shuffle/pinned", test_shuffle_pinned);
  g_test_add_func ("/quiz-session/store-changed", test_store_changed);

  return g_test_run ();
}
