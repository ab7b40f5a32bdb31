/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-course-overview.h"
#include "ak-course-parts.h"

/*
 * What a course holds and how far the learner has come: its lessons with
 * their read state, its quizzes with the best score, and one button for
 * the step the store suggests. Lesson and quiz rows and the button
 * activate win.open-lesson / win.open-quiz with "course-id/step-id", so
 * the window decides what opening a step means.
 */

struct _AkCourseOverview
{
  AdwBin               parent_instance;

  /* Template children */
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkLabel            *minutes_label;
  GtkProgressBar      *progress_bar;
  GtkButton           *next_button;
  AdwPreferencesGroup *lessons_group;
  GtkListBox          *lesson_list;
  AdwPreferencesGroup *quizzes_group;
  GtkListBox          *quiz_list;
  AdwPreferencesGroup *sources_group;
  GtkListBox          *source_list;

  AkCourse            *course;
  AkProgressStore     *store;
};

G_DEFINE_FINAL_TYPE (AkCourseOverview, ak_course_overview, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_step_row (GtkListBox *list,
              const char *title,
              const char *subtitle,
              const char *icon_name,
              const char *action,
              const char *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: an action without its parameter is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);

  if (icon_name != NULL)
    {
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_append (list, row);
  return row;
}

static char *
format_source (const AkSource *source)
{
  const char *const *authors = ak_source_get_authors (source);
  g_autofree char *names = authors != NULL ? g_strjoinv (", ", (char **)authors) : NULL;
  int year = ak_source_get_year (source);
  GString *text = g_string_new (NULL);

  if (names != NULL && *names != '\0')
    g_string_append_printf (text, "%s: ", names);
  g_string_append (text, ak_source_get_title (source));
  if (year > 0)
    g_string_append_printf (text, " (%d)", year);
  return g_string_free (text, FALSE);
}

static void
update_sources (AkCourseOverview *self)
{
  guint n = ak_course_get_n_sources (self->course);

  clear_list (self->source_list);
  for (guint i = 0; i < n; i++)
    {
      const AkSource *source = ak_course_get_source (self->course, i);
      g_autofree char *text = format_source (source);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (ak_source_get_publication (source) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ak_source_get_publication (source));
      gtk_list_box_append (self->source_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), n > 0);
}

static char *
step_target (AkCourseOverview *self,
             const char       *step_id)
{
  return g_strdup_printf ("%s/%s", ak_course_get_id (self->course), step_id);
}

static void
update_next_step (AkCourseOverview *self,
                  AkCourseProgress *progress)
{
  guint n_quizzes = ak_course_get_n_quizzes (self->course);
  AkNextStepKind kind = AK_NEXT_STEP_DONE;
  const char *step_id = NULL;
  const char *label = NULL;
  g_autofree char *target = NULL;

  if (progress != NULL)
    {
      kind = progress->next.kind;
      step_id = kind == AK_NEXT_STEP_READ_LESSON ? progress->next.lesson_id
                                                 : progress->next.quiz_id;
    }
  else if (ak_course_get_n_lessons (self->course) > 0)
    {
      /* Without a store every learner is a new one. */
      kind = AK_NEXT_STEP_READ_LESSON;
      step_id = ak_lesson_get_id (ak_course_get_lesson (self->course, 0));
    }
  else if (n_quizzes > 0)
    {
      kind = AK_NEXT_STEP_TAKE_QUIZ;
      step_id = ak_quiz_get_id (ak_course_get_quiz (self->course, 0));
    }

  switch (kind)
    {
    case AK_NEXT_STEP_READ_LESSON:
      label = _("Continue Learning");
      break;
    case AK_NEXT_STEP_RESUME_QUIZ:
      label = _("Resume Quiz");
      break;
    case AK_NEXT_STEP_TAKE_QUIZ:
      /* The last quiz of a course tests all of it. */
      if (n_quizzes > 0 &&
          g_strcmp0 (step_id, ak_quiz_get_id (ak_course_get_quiz (self->course,
                                                                   n_quizzes - 1))) == 0)
        label = _("Start Final Test");
      else
        label = _("Start Quiz");
      break;
    case AK_NEXT_STEP_DONE:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), label != NULL && step_id != NULL);
  if (label == NULL || step_id == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), NULL);
      return;
    }
  target = step_target (self, step_id);
  gtk_button_set_label (self->next_button, label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button),
                                  kind == AK_NEXT_STEP_READ_LESSON ? "win.open-lesson"
                                                                   : "win.open-quiz");
}

static void
update_lessons (AkCourseOverview *self,
                AkCourseProgress *progress)
{
  guint n = ak_course_get_n_lessons (self->course);
  guint n_read = 0;
  g_autofree char *text = NULL;

  clear_list (self->lesson_list);
  for (guint i = 0; i < n; i++)
    {
      const AkLesson *lesson = ak_course_get_lesson (self->course, i);
      g_autofree char *target = step_target (self, ak_lesson_get_id (lesson));
      gboolean read = FALSE;

      if (progress != NULL && progress->lessons != NULL && i < progress->lessons->len)
        {
          AkLessonProgress *lp = g_ptr_array_index (progress->lessons, i);

          read = g_strcmp0 (lp->lesson_id, ak_lesson_get_id (lesson)) == 0 && lp->completed != 0;
        }
      n_read += read;
      add_step_row (self->lesson_list, ak_lesson_get_title (lesson),
                    read ? _("Read") : _("Not read yet"),
                    read ? "object-select-symbolic" : NULL,
                    "win.open-lesson", target);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lessons_group), n > 0);

  gtk_progress_bar_set_fraction (self->progress_bar, n > 0 ? (double)n_read / n : 0);
  /* Translators: the course overview's progress bar, e.g. "2 of 5 lessons read" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson read",
                                       "%u of %u lessons read", n),
                          n_read, n);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), n > 0);
}

static void
update_quizzes (AkCourseOverview *self,
                AkCourseProgress *progress)
{
  guint n = ak_course_get_n_quizzes (self->course);

  clear_list (self->quiz_list);
  for (guint i = 0; i < n; i++)
    {
      const AkQuiz *quiz = ak_course_get_quiz (self->course, i);
      g_autofree char *target = step_target (self, ak_quiz_get_id (quiz));
      g_autofree char *subtitle = NULL;
      AkQuizProgress *qp = NULL;

      if (progress != NULL && progress->quizzes != NULL && i < progress->quizzes->len)
        qp = g_ptr_array_index (progress->quizzes, i);
      if (qp != NULL && g_strcmp0 (qp->quiz_id, ak_quiz_get_id (quiz)) != 0)
        qp = NULL;

      if (qp != NULL && qp->open_attempt != 0)
        subtitle = g_strdup (_("In progress"));
      else if (qp == NULL || qp->n_attempts == 0)
        subtitle = g_strdup (_("Not taken yet"));
      else if (qp->passed)
        /* Translators: a quiz's best score in percent; "%%" is a percent sign */
        subtitle = g_strdup_printf (_("Best score %d %% · Passed"),
                                    (int)(qp->best_score * 100 + 0.5));
      else
        /* Translators: a quiz's best score in percent; "%%" is a percent sign */
        subtitle = g_strdup_printf (_("Best score %d %% · Not passed yet"),
                                    (int)(qp->best_score * 100 + 0.5));
      add_step_row (self->quiz_list, ak_quiz_get_title (quiz), subtitle,
                    qp != NULL && qp->passed ? "object-select-symbolic" : NULL,
                    "win.open-quiz", target);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quizzes_group), n > 0);
}

/**
 * ak_course_overview_refresh:
 *
 * Reads the learner's progress again; the store's ::changed calls it.
 */
void
ak_course_overview_refresh (AkCourseOverview *self)
{
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  guint minutes;
  g_autofree char *minutes_text = NULL;

  g_return_if_fail (AK_IS_COURSE_OVERVIEW (self));

  if (self->course == NULL)
    return;

  gtk_label_set_text (self->title_label, ak_course_get_title (self->course));
  gtk_label_set_text (self->summary_label, ak_course_get_summary_text (self->course));
  minutes = ak_course_get_minutes (self->course);
  if (minutes > 0)
    /* Translators: the time a course takes */
    minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute",
                                                 "About %u minutes", minutes),
                                    minutes);
  gtk_label_set_text (self->minutes_label, minutes_text != NULL ? minutes_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->minutes_label), minutes_text != NULL);

  if (self->store != NULL)
    {
      progress = ak_progress_store_get_course_progress (self->store, self->course, &error);
      if (progress == NULL)
        g_warning ("Cannot read the progress in %s: %s", ak_course_get_id (self->course),
                   error->message);
    }

  update_lessons (self, progress);
  update_quizzes (self, progress);
  update_sources (self);
  update_next_step (self, progress);
}

static void
store_changed_cb (AkCourseOverview *self,
                  const char       *course_id)
{
  if (self->course != NULL &&
      (course_id == NULL || g_str_equal (course_id, ak_course_get_id (self->course))))
    ak_course_overview_refresh (self);
}

static void
ak_course_overview_dispose (GObject *object)
{
  AkCourseOverview *self = (AkCourseOverview *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_COURSE_OVERVIEW);
  g_clear_object (&self->course);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ak_course_overview_parent_class)->dispose (object);
}

static void
ak_course_overview_class_init (AkCourseOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_course_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ak-course-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, next_button);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, lessons_group);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, lesson_list);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, quizzes_group);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, quiz_list);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, sources_group);
  gtk_widget_class_bind_template_child (widget_class, AkCourseOverview, source_list);
}

static void
ak_course_overview_init (AkCourseOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AkCourseOverview *
ak_course_overview_new (void)
{
  return g_object_new (AK_TYPE_COURSE_OVERVIEW, NULL);
}

void
ak_course_overview_set_course (AkCourseOverview *self,
                               AkCourse         *course)
{
  g_return_if_fail (AK_IS_COURSE_OVERVIEW (self));
  g_return_if_fail (course == NULL || AK_IS_COURSE (course));

  g_set_object (&self->course, course);
  ak_course_overview_refresh (self);
}

AkCourse *
ak_course_overview_get_course (AkCourseOverview *self)
{
  g_return_val_if_fail (AK_IS_COURSE_OVERVIEW (self), NULL);

  return self->course;
}

/* @store: (nullable): without one, the overview shows no progress */
void
ak_course_overview_set_store (AkCourseOverview *self,
                              AkProgressStore  *store)
{
  g_return_if_fail (AK_IS_COURSE_OVERVIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  ak_course_overview_refresh (self);
}
