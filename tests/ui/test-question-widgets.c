/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "../session-fixtures.h"
#include "ak-flow-layout.h"
#include "ak-question-widget.h"
#include "ak-quiz-session.h"
#include "window-test-helpers.h"

/* Each question type's widget, answered the way a learner does: through
 * its buttons, entries, drop-downs and keys. */

typedef struct
{
  AkContext        *context;
  AkCourse         *course;
  AkQuizSession    *session;
  GtkWidget        *window;
  AkQuestionWidget *widget;
  guint             n_changed;
} QuizFixture;

static void
changed_cb (AkQuestionWidget *widget,
            QuizFixture      *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (QuizFixture   *fixture,
                gconstpointer  data)
{
  fixture->context = session_test_context_new (FALSE);
  fixture->course = session_test_load_course ();
}

/* Takes the widget out of its window and checks nothing else holds it. */
static void
close_question (QuizFixture *fixture)
{
  if (fixture->window != NULL)
    {
      gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      fixture->window = NULL;
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->widget != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->widget));
  g_clear_object (&fixture->session);
}

static void
fixture_tear_down (QuizFixture   *fixture,
                   gconstpointer  data)
{
  close_question (fixture);
  g_clear_object (&fixture->course);
  g_clear_object (&fixture->context);
}

/* A response that is accepted for @question, whatever it scores. */
static AkResponse *
any_response (AkQuizSession *session,
              AkQuestion    *question)
{
  const char *id = ak_question_get_id (question);
  AkResponse *response = ak_response_new (ak_question_get_question_type (question));
  GPtrArray *choices = ak_quiz_session_get_choices (session, id);

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
      ak_response_set_choice (response, ak_choice_get_id (g_ptr_array_index (choices, 0)));
      break;
    case AK_QUESTION_MULTIPLE_CHOICE:
      ak_response_set_choice_selected (response,
                                       ak_choice_get_id (g_ptr_array_index (choices, 0)), TRUE);
      break;
    case AK_QUESTION_TRUE_FALSE:
      ak_response_set_boolean (response, TRUE);
      break;
    case AK_QUESTION_GAP_TEXT:
      ak_response_set_gap (response, ak_gap_get_id (ak_question_get_gap (question, 0)), "x");
      break;
    case AK_QUESTION_ORDERING:
      {
        g_autofree const char **ids = g_new0 (const char *, choices->len + 1);

        for (guint i = 0; i < choices->len; i++)
          ids[i] = ak_choice_get_id (g_ptr_array_index (choices, i));
        ak_response_set_order (response, ids);
      }
      break;
    case AK_QUESTION_MATCHING:
      ak_response_set_match (response, ak_pair_get_id (ak_question_get_pair (question, 0)), "d1");
      break;
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
    case AK_N_QUESTION_TYPES:
    default:
      ak_response_set_text (response, "1");
      break;
    }
  return response;
}

/* A fresh attempt at quiz "alle", answered up to @question_id, whose
 * widget is shown in a window @width pixels wide. */
static void
open_question (QuizFixture *fixture,
               const char  *question_id,
               int          width)
{
  g_autoptr(GError) error = NULL;
  AkQuestion *question;

  close_question (fixture);
  fixture->session = ak_quiz_session_new (fixture->context, fixture->course, "alle", &error);
  g_assert_no_error (error);

  while (!g_str_equal (ak_question_get_id (ak_quiz_session_get_current (fixture->session)),
                       question_id))
    {
      g_autoptr(AkResponse) response = any_response (fixture->session,
                                                     ak_quiz_session_get_current (fixture->session));

      g_assert_true (ak_quiz_session_check (fixture->session, response, NULL, &error));
      g_assert_no_error (error);
    }
  question = ak_quiz_session_get_current (fixture->session);

  fixture->widget = g_object_ref_sink (ak_question_widget_new (fixture->session, question));
  g_assert_nonnull (fixture->widget);
  fixture->n_changed = 0;
  g_signal_connect (fixture->widget, "changed", G_CALLBACK (changed_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->widget), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->widget), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->widget), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->widget), 12);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->widget));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, -1);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->widget));
  /* Every question fits the narrowest window: nothing makes it wider. */
  g_assert_cmpint (gtk_widget_get_width (fixture->window), ==, width);
}

static GPtrArray *
question_choices (QuizFixture *fixture)
{
  AkQuestion *question = ak_question_widget_get_question (fixture->widget);

  return ak_quiz_session_get_choices (fixture->session, ak_question_get_id (question));
}

/* The position, from 1, at which the choice @id is shown. */
static guint
choice_number (QuizFixture *fixture,
               const char  *id)
{
  GPtrArray *choices = question_choices (fixture);

  for (guint i = 0; i < choices->len; i++)
    if (g_str_equal (ak_choice_get_id (g_ptr_array_index (choices, i)), id))
      return i + 1;
  g_assert_not_reached ();
}

/* What a key press on the focused question does: the shortcut @widget
 * has for @keyval with @modifiers, run. GTK 4.8 cannot synthesise key
 * events, so the widget's own shortcuts are looked up and activated. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger)
              || gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval
              || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static AkQuizFeedback *
check_answer (QuizFixture *fixture,
              AkVerdict    verdict)
{
  g_autoptr(AkResponse) response = ak_question_widget_get_response (fixture->widget);
  g_autoptr(GError) error = NULL;
  AkQuizFeedback *feedback = NULL;

  g_assert_nonnull (response);
  g_assert_true (ak_question_widget_get_answered (fixture->widget));
  g_assert_true (ak_quiz_session_check (fixture->session, response, &feedback, &error));
  g_assert_no_error (error);
  g_assert_cmpint (feedback->verdict, ==, verdict);

  ak_question_widget_show_feedback (fixture->widget, feedback);
  g_assert_true (ak_question_widget_get_read_only (fixture->widget));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->widget));
  return feedback;
}

static void
collect_marks (GtkWidget *widget,
               GPtrArray *marks)
{
  if (gtk_widget_has_css_class (widget, "ak-mark"))
    {
      g_ptr_array_add (marks, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_marks (child, marks);
}

/* The marks in reading order, as words: "Right", "Wrong" or "Right answer".
 * Each says it in words to a screen reader and on screen, and has the
 * style class that colours it. */
static char *
read_marks (GtkWidget *root)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  g_autoptr(GString) words = g_string_new (NULL);

  collect_marks (root, marks);
  for (guint i = 0; i < marks->len; i++)
    {
      GtkWidget *mark = g_ptr_array_index (marks, i);
      g_autofree char *name = ak_test_get_accessible_name (mark);
      GtkWidget *label = ak_test_find_widget (mark, GTK_TYPE_LABEL, 0);
      GtkWidget *icon = ak_test_find_widget (mark, GTK_TYPE_IMAGE, 0);
      g_autofree char *icon_name = NULL;
      gboolean right = !g_str_equal (name, "Wrong");

      g_assert_true (gtk_widget_get_visible (mark));
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, name);
      g_assert_nonnull (icon);
      icon_name = ak_test_get_accessible_name (icon);
      g_assert_cmpstr (icon_name, ==, name);
      g_assert_true (gtk_widget_has_css_class (mark, right ? "success" : "error"));
      g_assert_false (gtk_widget_has_css_class (mark, right ? "error" : "success"));
      g_string_append_printf (words, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gboolean
has_label_starting (GtkWidget  *root,
                    const char *start)
{
  GtkWidget *label;

  for (guint i = 0; (label = ak_test_find_widget (root, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), start))
      return TRUE;
  return FALSE;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  for (guint i = 0; ; i++)
    {
      GtkWidget *label = ak_test_find_widget (root, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return TRUE;
    }
}

static GtkCheckButton *
nth_check (QuizFixture *fixture,
           guint        number)
{
  GtkWidget *button = ak_test_find_widget (GTK_WIDGET (fixture->widget),
                                           GTK_TYPE_CHECK_BUTTON, number - 1);

  g_assert_nonnull (button);
  return GTK_CHECK_BUTTON (button);
}

static void
screenshot (QuizFixture *fixture,
            const char  *name)
{
  ak_test_save_screenshot (fixture->window, name);
}

static void
test_single_choice (QuizFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) wrong = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  guint b;

  open_question (fixture, "einfach", 360);
  g_assert_false (ak_question_widget_get_answered (fixture->widget));
  g_assert_null (ak_question_widget_get_response (fixture->widget));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (nth_check (fixture, 1))),
                   ==, GTK_ACCESSIBLE_ROLE_RADIO);

  /* The number key of a choice picks it; another number replaces it. */
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + choice_number (fixture, "a"), 0);
  b = choice_number (fixture, "b");
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + b, 0);
  g_assert_true (gtk_check_button_get_active (nth_check (fixture, b)));
  g_assert_false (gtk_check_button_get_active (nth_check (fixture, choice_number (fixture, "a"))));
  g_assert_cmpuint (fixture->n_changed, >, 0);

  wrong = check_answer (fixture, AK_VERDICT_WRONG);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  /* In the order shown: the wrong pick, and the right answer. */
  g_assert_cmpstr (marks, ==, choice_number (fixture, "a") < b ? "Right answer, Wrong"
                                                                : "Wrong, Right answer");
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Nicht B."));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (nth_check (fixture, b))));
  /* Read-only now: keys change nothing. */
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + choice_number (fixture, "a"), 0);
  g_assert_true (gtk_check_button_get_active (nth_check (fixture, b)));
  screenshot (fixture, "question-single-choice-360.png");

  open_question (fixture, "einfach", 800);
  gtk_widget_activate (GTK_WIDGET (nth_check (fixture, choice_number (fixture, "a"))));
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right");
  g_assert_false (has_label (GTK_WIDGET (fixture->widget), "Nicht B."));
  screenshot (fixture, "question-single-choice-800.png");
}

static void
test_multiple_choice (QuizFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) partly = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  GPtrArray *choices;

  open_question (fixture, "mehrfach", 360);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (nth_check (fixture, 1))),
                   ==, GTK_ACCESSIBLE_ROLE_CHECKBOX);

  /* A number key toggles its choice. */
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + choice_number (fixture, "a"), 0);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + choice_number (fixture, "d"), 0);
  g_assert_true (ak_question_widget_get_answered (fixture->widget));
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_0 + choice_number (fixture, "d"), 0);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_KP_0 + choice_number (fixture, "b"), 0);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_KP_0 + choice_number (fixture, "c"), 0);
  g_assert_false (gtk_check_button_get_active (nth_check (fixture, choice_number (fixture, "d"))));

  partly = check_answer (fixture, AK_VERDICT_PARTLY_RIGHT);
  choices = question_choices (fixture);
  for (guint i = 0; i < choices->len; i++)
    {
      const char *id = ak_choice_get_id (g_ptr_array_index (choices, i));
      const char *word = g_str_equal (id, "a") ? "Right"
                         : g_str_equal (id, "b") ? "Right"
                         : g_str_equal (id, "c") ? "Wrong" : NULL;

      if (word != NULL)
        g_string_append_printf (expected, "%s%s", expected->len > 0 ? ", " : "", word);
    }
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, expected->str);
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Nicht C."));
  screenshot (fixture, "question-multiple-choice-360.png");

  open_question (fixture, "mehrfach", 800);
  g_assert_false (ak_question_widget_get_answered (fixture->widget));
  gtk_widget_activate (GTK_WIDGET (nth_check (fixture, choice_number (fixture, "a"))));
  gtk_widget_activate (GTK_WIDGET (nth_check (fixture, choice_number (fixture, "b"))));
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right, Right");
  g_assert_false (has_label (GTK_WIDGET (fixture->widget), "Nicht C."));
}

static void
test_true_false (QuizFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) wrong = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  open_question (fixture, "wahr", 360);
  first = ak_test_get_accessible_name (GTK_WIDGET (nth_check (fixture, 1)));
  second = ak_test_get_accessible_name (GTK_WIDGET (nth_check (fixture, 2)));
  g_assert_cmpstr (first, ==, "True");
  g_assert_cmpstr (second, ==, "False");

  /* The statement is false; "1" says it is true. */
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_1, 0);
  wrong = check_answer (fixture, AK_VERDICT_WRONG);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  /* The wrong one picked, and the right one shown, as in a single choice. */
  g_assert_cmpstr (marks, ==, "Wrong, Right answer");
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Leider nein."));
  g_assert_false (has_label (GTK_WIDGET (fixture->widget), "Genau."));
  screenshot (fixture, "question-true-false-360.png");

  open_question (fixture, "wahr", 360);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_2, 0);
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right");
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Genau."));
}

static GtkWidget *
nth_entry (QuizFixture *fixture,
           guint        nth)
{
  GtkWidget *entry = ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_ENTRY, nth);

  g_assert_nonnull (entry);
  return entry;
}

/* Each child of @flow lies inside @widget's width. */
static void
assert_within (GtkWidget *widget,
               GtkWidget *flow)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (child, widget, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (widget));
    }
}

static void
test_gap_text (QuizFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) partly = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *name1 = NULL;
  g_autofree char *name2 = NULL;
  GtkWidget *focus;

  open_question (fixture, "luecke", 360);
  g_assert_cmpuint (ak_test_count_widgets (GTK_WIDGET (fixture->widget), GTK_TYPE_ENTRY), ==, 2);
  name1 = ak_test_get_accessible_name (nth_entry (fixture, 0));
  name2 = ak_test_get_accessible_name (nth_entry (fixture, 1));
  g_assert_cmpstr (name1, ==, "Gap 1 of 2");
  g_assert_cmpstr (name2, ==, "Gap 2 of 2");
  /* The words around the gaps are there, one by one. */
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Der"));
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "die"));

  /* Tab goes from the first gap to the second. */
  gtk_widget_grab_focus (nth_entry (fixture, 0));
  g_assert_true (gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == nth_entry (fixture, 1) || gtk_widget_is_ancestor (focus, nth_entry (fixture, 1)));

  /* Blanks are no answer. */
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "  ");
  g_assert_false (ak_question_widget_get_answered (fixture->widget));
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "Wolf");
  g_assert_true (ak_question_widget_get_answered (fixture->widget));
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 1)), "Maus");
  partly = check_answer (fixture, AK_VERDICT_PARTLY_RIGHT);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Wrong, Right");
  /* Each mark stands right after its gap. */
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_next_sibling (nth_entry (fixture, 0)), "error"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_next_sibling (nth_entry (fixture, 1)), "success"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (nth_entry (fixture, 0))));
  /* The sentence wraps, marks and all, inside the narrow window. */
  assert_within (GTK_WIDGET (fixture->widget),
                 gtk_widget_get_ancestor (nth_entry (fixture, 0), AK_TYPE_FLOW_BOX));
  /* The full stop after the last gap stays on its line. */
  g_assert_true (has_label (gtk_widget_get_parent (nth_entry (fixture, 1)), "."));
  g_assert_false (has_label (gtk_widget_get_parent (nth_entry (fixture, 0)), "und"));
  screenshot (fixture, "question-gap-text-360.png");

  open_question (fixture, "luecke", 800);
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "Baer");
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 1)), "Maus");
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right, Right");
  screenshot (fixture, "question-gap-text-800.png");
}

static char *
read_order (QuizFixture *fixture)
{
  g_autoptr(AkResponse) response = ak_question_widget_get_response (fixture->widget);

  g_assert_nonnull (response);
  return g_strjoinv (" ", (char **) ak_response_get_order (response));
}

/* Moves the item @text up with its button until it stands at @index. */
static void
move_to (QuizFixture *fixture,
         const char  *text,
         guint        index)
{
  g_autofree char *up_name = g_strdup_printf ("Move up: %s", text);
  GtkWidget *button = ak_test_find_accessible (GTK_WIDGET (fixture->widget),
                                               GTK_ACCESSIBLE_ROLE_BUTTON, up_name);
  GtkWidget *row;

  g_assert_nonnull (button);
  row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  while ((guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) > index)
    {
      int before = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

      /* A button clicks once it has shown itself pressed. */
      g_assert_true (gtk_widget_activate (button));
      while (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) == before)
        g_main_context_iteration (NULL, TRUE);
    }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* What dragging @row onto @onto ends in: the row's drag source gives the
 * content, the other row's drop target takes it. GTK 4.8 cannot fake the
 * pointer for a whole drag. */
static void
drag_row (GtkWidget *row,
          GtkWidget *onto)
{
  GtkEventController *source = find_controller (row, GTK_TYPE_DRAG_SOURCE);
  GtkEventController *target = find_controller (onto, GTK_TYPE_DROP_TARGET);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean dropped = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_signal_emit_by_name (source, "prepare", 0.0, 0.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &dropped);
  g_assert_true (dropped);
}

static void
test_ordering (QuizFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) partly = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *items;
  GtkWidget *row;
  g_auto(GStrv) words = NULL;
  const char *first;

  open_question (fixture, "reihe", 360);
  /* The order shown is an answer. */
  g_assert_true (ak_question_widget_get_answered (fixture->widget));
  items = question_choices (fixture);
  first = ak_choice_get_id (g_ptr_array_index (items, 0));
  before = read_order (fixture);

  /* Alt+Down moves the focused item one down; the focus goes with it. */
  row = ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_LIST_BOX_ROW, 0);
  gtk_widget_grab_focus (row);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == row);
  after = read_order (fixture);
  words = g_strsplit (after, " ", -1);
  g_assert_cmpstr (words[1], ==, first);
  g_assert_cmpstr (before, !=, after);
  press_key (GTK_WIDGET (fixture->widget), GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 0);

  /* With the buttons: two, three, four, one. */
  move_to (fixture, "Zwei", 0);
  move_to (fixture, "Drei", 1);
  move_to (fixture, "Vier", 2);
  g_clear_pointer (&after, g_free);
  after = read_order (fixture);
  g_assert_cmpstr (after, ==, "zwei drei vier eins");
  partly = check_answer (fixture, AK_VERDICT_PARTLY_RIGHT);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Wrong, Right, Right, Wrong");
  g_assert_false (gtk_widget_get_sensitive (ak_test_find_accessible (GTK_WIDGET (fixture->widget),
                                                                     GTK_ACCESSIBLE_ROLE_BUTTON,
                                                                     "Move up: Eins")));
  screenshot (fixture, "question-ordering-360.png");

  open_question (fixture, "reihe", 800);
  /* Dragged: the last item onto the first takes its place. */
  row = ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_LIST_BOX_ROW, 3);
  drag_row (row, ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_LIST_BOX_ROW, 0));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 0);
  move_to (fixture, "Eins", 0);
  move_to (fixture, "Zwei", 1);
  move_to (fixture, "Drei", 2);
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right, Right, Right, Right");
  screenshot (fixture, "question-ordering-800.png");
}

/* Picks the right-hand item @id for the @nth left-hand item. */
static void
match (QuizFixture *fixture,
       guint        nth,
       const char  *id)
{
  AkQuestion *question = ak_question_widget_get_question (fixture->widget);
  GPtrArray *targets = ak_quiz_session_get_targets (fixture->session, ak_question_get_id (question));
  GtkWidget *dropdown = ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_DROP_DOWN, nth);

  g_assert_nonnull (dropdown);
  for (guint i = 0; i < targets->len; i++)
    {
      const AkMatchTarget *target = g_ptr_array_index (targets, i);

      if (g_str_equal (target->id, id))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i + 1);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_matching (QuizFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) partly = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dropdown;

  open_question (fixture, "paare", 360);
  dropdown = ak_test_find_widget (GTK_WIDGET (fixture->widget), GTK_TYPE_DROP_DOWN, 0);
  name = ak_test_get_accessible_name (dropdown);
  g_assert_cmpstr (name, ==, "Links 1");
  /* Nothing is matched yet: each says "Please choose". */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_true (has_label (dropdown, "Please choose"));
  g_assert_false (ak_question_widget_get_answered (fixture->widget));

  match (fixture, 0, "d1");
  g_assert_true (ak_question_widget_get_answered (fixture->widget));
  match (fixture, 1, "p2");
  match (fixture, 2, "p3");
  partly = check_answer (fixture, AK_VERDICT_PARTLY_RIGHT);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Wrong, Right, Right");
  g_assert_true (has_label (GTK_WIDGET (fixture->widget), "Right answer: Rechts 1"));
  g_assert_false (gtk_widget_get_sensitive (dropdown));
  screenshot (fixture, "question-matching-360.png");

  open_question (fixture, "paare", 800);
  match (fixture, 0, "p1");
  match (fixture, 1, "p2");
  match (fixture, 2, "p3");
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right, Right, Right");
  screenshot (fixture, "question-matching-800.png");
}

static void
test_short_answer (QuizFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) wrong = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *name = NULL;

  open_question (fixture, "kurz", 360);
  name = ak_test_get_accessible_name (nth_entry (fixture, 0));
  g_assert_cmpstr (name, ==, "Answer");
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), " ");
  g_assert_false (ak_question_widget_get_answered (fixture->widget));
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "Weg");
  wrong = check_answer (fixture, AK_VERDICT_WRONG);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Wrong");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (nth_entry (fixture, 0))));

  open_question (fixture, "kurz", 360);
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "Strasse ");
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right");
  screenshot (fixture, "question-short-answer-360.png");
}

static void
test_numeric (QuizFixture   *fixture,
              gconstpointer  data)
{
  g_autoptr(AkQuizFeedback) wrong = NULL;
  g_autoptr(AkQuizFeedback) right = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *name = NULL;
  GtkWidget *entry;

  open_question (fixture, "zahl", 360);
  entry = nth_entry (fixture, 0);
  name = ak_test_get_accessible_name (entry);
  g_assert_cmpstr (name, ==, "Answer in %");
  /* The unit stands after the entry. */
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (entry)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (entry))), ==, "%");

  /* A minus sign as typeset is read as one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "−3,5");
  wrong = check_answer (fixture, AK_VERDICT_WRONG);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Wrong");
  /* The value asked for stands under the wrong answer. */
  g_assert_true (has_label_starting (GTK_WIDGET (fixture->widget), "Right answer: 3.5 ± 0.25"));

  /* A decimal comma, as written in German. */
  open_question (fixture, "zahl", 360);
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (fixture, 0)), "3,6");
  right = check_answer (fixture, AK_VERDICT_RIGHT);
  g_clear_pointer (&marks, g_free);
  marks = read_marks (GTK_WIDGET (fixture->widget));
  g_assert_cmpstr (marks, ==, "Right");
  g_assert_false (has_label_starting (GTK_WIDGET (fixture->widget), "Right answer:"));
  screenshot (fixture, "question-numeric-360.png");
}

/* Whether @widget is something the learner operates. */
static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget)
         || GTK_IS_DROP_DOWN (widget) || GTK_IS_LIST_BOX_ROW (widget);
}

static void
assert_all_named (GtkWidget  *widget,
                  const char *question_id,
                  guint      *n_checked)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (is_interactive (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
      g_autofree char *name = ak_test_get_accessible_name (widget);

      if (role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_GENERIC
          || role == GTK_ACCESSIBLE_ROLE_PRESENTATION || *name == '\0')
        g_error ("A %s in question %s has role %d and name “%s”",
                 G_OBJECT_TYPE_NAME (widget), question_id, role, name);
      (*n_checked)++;
      /* Their insides are named by them. */
      if (GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget)
          || GTK_IS_CHECK_BUTTON (widget))
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_all_named (child, question_id, n_checked);
}

static void
test_accessible_names (QuizFixture   *fixture,
                       gconstpointer  data)
{
  static const char *ids[] = { "einfach", "mehrfach", "wahr", "luecke", "reihe", "paare",
                               "kurz", "zahl" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint n_checked = 0;
      g_autofree char *name = NULL;

      open_question (fixture, ids[i], 360);
      /* The question as a whole is named by its prompt. */
      name = ak_test_get_accessible_name (GTK_WIDGET (fixture->widget));
      g_assert_cmpstr (name, !=, "");
      assert_all_named (GTK_WIDGET (fixture->widget), ids[i], &n_checked);
      g_assert_cmpuint (n_checked, >, 0);
    }
}

/* Another session than a quiz's lays the question out itself: the
 * widget shows the choices, items and targets in the order given. */
static GPtrArray *
reversed (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = array->len; i > 0; i--)
    g_ptr_array_add (copy, g_ptr_array_index (array, i - 1));
  return copy;
}

static AkQuestion *
find_question (AkQuizSession *session,
               const char    *id)
{
  for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
    if (g_str_equal (ak_question_get_id (ak_quiz_session_get_question (session, i)), id))
      return ak_quiz_session_get_question (session, i);
  g_assert_not_reached ();
}

static void
test_given_layout (QuizFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(AkResponse) response = NULL;
  AkQuestionWidget *widget;
  AkQuestion *question;
  GtkWidget *dropdown;
  GListModel *model;
  g_autofree char *name = NULL;

  fixture->session = ak_quiz_session_new (fixture->context, fixture->course, "alle", &error);
  g_assert_no_error (error);

  /* Single choice: the first button picks the first choice given. */
  question = find_question (fixture->session, "einfach");
  choices = reversed (ak_quiz_session_get_choices (fixture->session, "einfach"));
  widget = g_object_ref_sink (ak_question_widget_new_with_layout (question, choices, NULL));
  g_assert_null (ak_question_widget_get_session (widget));
  g_assert_true (ak_question_widget_get_choices (widget) == choices);
  gtk_widget_activate (ak_test_find_widget (GTK_WIDGET (widget), GTK_TYPE_CHECK_BUTTON, 0));
  response = ak_question_widget_get_response (widget);
  g_assert_nonnull (response);
  g_assert_cmpstr (ak_response_get_choice (response),
                   ==, ak_choice_get_id (g_ptr_array_index (choices, 0)));
  g_assert_finalize_object (widget);

  /* Ordering: the items start in the order given. */
  question = find_question (fixture->session, "reihe");
  items = reversed (ak_quiz_session_get_choices (fixture->session, "reihe"));
  widget = g_object_ref_sink (ak_question_widget_new_with_layout (question, items, NULL));
  g_clear_pointer (&response, ak_response_unref);
  response = AK_QUESTION_WIDGET_GET_CLASS (widget)->get_response (widget);
  g_assert_nonnull (response);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (ak_response_get_order (response)[i],
                     ==, ak_choice_get_id (g_ptr_array_index (items, i)));
  g_assert_finalize_object (widget);

  /* Matching: each drop-down offers the targets in the order given. */
  question = find_question (fixture->session, "paare");
  targets = reversed (ak_quiz_session_get_targets (fixture->session, "paare"));
  widget = g_object_ref_sink (ak_question_widget_new_with_layout (question, NULL, targets));
  g_assert_true (ak_question_widget_get_targets (widget) == targets);
  dropdown = ak_test_find_widget (GTK_WIDGET (widget), GTK_TYPE_DROP_DOWN, 0);
  name = ak_test_get_accessible_name (dropdown);
  g_assert_cmpstr (name, ==, "Links 1");
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, targets->len + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1),
                   ==, ((const AkMatchTarget *)g_ptr_array_index (targets, 0))->markup);
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  /* The application brings libadwaita's styles. */
  ak_test_ui_application ();

  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "test");

#define ADD(path, func) \
  g_test_add ("/question-widgets/" path, QuizFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("single-choice", test_single_choice);
  ADD ("multiple-choice", test_multiple_choice);
  ADD ("true-false", test_true_false);
  ADD ("gap-text", test_gap_text);
  ADD ("ordering", test_ordering);
  ADD ("matching", test_matching);
  ADD ("short-answer", test_short_answer);
  ADD ("numeric", test_numeric);
  ADD ("accessible-names", test_accessible_names);
  ADD ("given-layout", test_given_layout);
#undef ADD

  return ak_test_ui_run ();
}
