/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-course-row.h"
#include "ak-display-text.h"

struct _AkCourseRow
{
  AdwActionRow      parent_instance;

  /* Template children */
  GtkWidget        *passed_badge;
  GtkWidget        *problem_badge;

  AkCourse         *course;
  char             *progress;     /* the line on the learner's progress, or NULL */
};

G_DEFINE_FINAL_TYPE (AkCourseRow, ak_course_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "3 lessons · 18 questions · about 45 minutes": first under the title, so
 * that it stays visible when a narrow window shortens the summary. */
static char *
format_details (AkCourse *course)
{
  guint n_lessons = ak_course_get_n_lessons (course);
  guint n_questions = ak_course_get_n_questions (course);
  guint minutes = ak_course_get_minutes (course);
  g_autofree char *lessons = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *duration = NULL;

  lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", n_lessons),
                             n_lessons);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            n_questions),
                               n_questions);
  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u minute", "about %u minutes",
                                           minutes),
                              minutes);

  /* Translators: course details, e.g. "3 lessons · 18 questions · about 45 minutes" */
  return g_strdup_printf (_("%s · %s · %s"), lessons, questions, duration);
}

/* "2 of 3 lessons read · best quiz 80%", or NULL for a course the
 * learner has not started: its size says more then. */
static char *
format_progress (const AkCourseProgress *progress)
{
  g_autofree char *lessons = NULL;
  g_autofree char *quiz = NULL;
  gboolean attempted = FALSE;
  double best = 0;

  for (guint i = 0; i < progress->quizzes->len; i++)
    {
      const AkQuizProgress *quiz_progress = g_ptr_array_index (progress->quizzes, i);

      if (quiz_progress->n_attempts == 0)
        continue;
      attempted = TRUE;
      best = MAX (best, CLAMP (quiz_progress->best_score, 0, 1));
    }
  if (progress->n_lessons_completed == 0 && !attempted)
    return NULL;

  if (progress->n_lessons > 0)
    /* Translators: how far the learner is, e.g. "2 of 3 lessons read" */
    lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson read",
                                            "%u of %u lessons read", progress->n_lessons),
                               MIN (progress->n_lessons_completed, progress->n_lessons),
                               progress->n_lessons);
  if (attempted)
    /* Translators: the best result of the course's quizzes, e.g. "best quiz 80%" */
    quiz = g_strdup_printf (_("best quiz %u%%"), (guint)(best * 100 + 0.5));

  if (lessons != NULL && quiz != NULL)
    /* Translators: progress details, e.g. "2 of 3 lessons read · best quiz 80%" */
    return g_strdup_printf (_("%s · %s"), lessons, quiz);
  return g_strdup (lessons != NULL ? lessons : quiz);
}

/* Title and summary come from a file anyone can drop into the course
 * folder: they are shortened before a label lays them out. */
static void
update_row (AkCourseRow *self)
{
  const char *full_title = ak_course_get_title (self->course);
  g_autofree char *short_title = ak_display_text_shorten (full_title, AK_ROW_MAX_CHARS);
  g_autofree char *title = g_markup_escape_text (short_title, -1);
  g_autofree char *details = format_details (self->course);
  g_autofree char *escaped_details = g_markup_escape_text (details, -1);
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;

  /* The summary is Pango markup already: its emphasis stays when it is short. */
  summary = ak_display_markup_bound (ak_course_get_summary (self->course),
                                     ak_course_get_summary_text (self->course),
                                     AK_ROW_MAX_CHARS);
  if (self->progress != NULL)
    {
      g_autofree char *escaped_progress = g_markup_escape_text (self->progress, -1);

      subtitle = g_strconcat (escaped_details, "\n", escaped_progress, "\n", summary, NULL);
    }
  else
    subtitle = g_strconcat (escaped_details, "\n", summary, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* A title cut in the row can still be read whole, within reason. */
  if (!g_str_equal (short_title, full_title))
    {
      g_autofree char *tooltip = ak_display_text_shorten (full_title, AK_TOOLTIP_MAX_CHARS);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

/* In a list view no list box activates the row's action: a screen
 * reader's or a mnemonic's activation of the row does it here. */
static void
ak_course_row_activate (GtkListBoxRow *row)
{
  const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (row));

  GTK_LIST_BOX_ROW_CLASS (ak_course_row_parent_class)->activate (row);
  if (action != NULL && !GTK_IS_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))))
    gtk_widget_activate_action_variant (GTK_WIDGET (row), action,
                                        gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
}

static void
ak_course_row_dispose (GObject *object)
{
  AkCourseRow *self = (AkCourseRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_COURSE_ROW);
  g_clear_object (&self->course);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (ak_course_row_parent_class)->dispose (object);
}

static void
ak_course_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AkCourseRow *self = AK_COURSE_ROW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_course_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AkCourseRow *self = AK_COURSE_ROW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      ak_course_row_set_course (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_course_row_class_init (AkCourseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_course_row_dispose;
  object_class->get_property = ak_course_row_get_property;
  object_class->set_property = ak_course_row_set_property;
  GTK_LIST_BOX_ROW_CLASS (klass)->activate = ak_course_row_activate;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL,
                         AK_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ak-course-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AkCourseRow, passed_badge);
  gtk_widget_class_bind_template_child (widget_class, AkCourseRow, problem_badge);
}

static void
ak_course_row_init (AkCourseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AkCourseRow *
ak_course_row_new (AkCourse *course)
{
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);

  return g_object_new (AK_TYPE_COURSE_ROW, "course", course, NULL);
}

/**
 * ak_course_row_set_course:
 * @course: the course to show
 *
 * Shows another course in the row, as a list view recycles its rows; its
 * progress and problems are unknown until they are set.
 */
void
ak_course_row_set_course (AkCourseRow *self,
                          AkCourse    *course)
{
  g_return_if_fail (AK_IS_COURSE_ROW (self));
  g_return_if_fail (AK_IS_COURSE (course));

  if (self->course == course)
    return;
  g_set_object (&self->course, course);
  g_clear_pointer (&self->progress, g_free);
  gtk_widget_set_visible (self->passed_badge, FALSE);
  gtk_widget_set_visible (self->problem_badge, FALSE);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

/**
 * ak_course_row_set_progress:
 * @progress: (nullable): the learner's progress in the course, %NULL when
 *   it is not known
 *
 * Shows how far the learner is, and a "Passed" badge once every quiz of
 * the course is passed: the final test alone would say nothing about a
 * course without one, and a course with several quizzes is done when all
 * of them are.
 */
void
ak_course_row_set_progress (AkCourseRow            *self,
                            const AkCourseProgress *progress)
{
  g_autofree char *line = NULL;
  gboolean passed;

  g_return_if_fail (AK_IS_COURSE_ROW (self));

  line = progress != NULL ? format_progress (progress) : NULL;
  passed = progress != NULL && progress->n_quizzes > 0 &&
           progress->n_quizzes_passed >= progress->n_quizzes;
  gtk_widget_set_visible (self->passed_badge, passed);
  if (g_strcmp0 (line, self->progress) == 0)
    return;
  g_free (self->progress);
  self->progress = g_steal_pointer (&line);
  update_row (self);
}

/**
 * ak_course_row_set_has_problems:
 * @has_problems: whether the course's file has warnings
 *
 * Shows a badge that sends the trainer to the list of problems.
 */
void
ak_course_row_set_has_problems (AkCourseRow *self,
                                gboolean     has_problems)
{
  g_return_if_fail (AK_IS_COURSE_ROW (self));

  gtk_widget_set_visible (self->problem_badge, has_problems);
}

/**
 * ak_course_row_get_has_problems:
 *
 * Returns: whether the row shows the badge for a file with warnings
 */
gboolean
ak_course_row_get_has_problems (AkCourseRow *self)
{
  g_return_val_if_fail (AK_IS_COURSE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->problem_badge);
}

/**
 * ak_course_row_get_passed:
 *
 * Returns: whether the row shows the course as passed
 */
gboolean
ak_course_row_get_passed (AkCourseRow *self)
{
  g_return_val_if_fail (AK_IS_COURSE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->passed_badge);
}

AkCourse *
ak_course_row_get_course (AkCourseRow *self)
{
  g_return_val_if_fail (AK_IS_COURSE_ROW (self), NULL);

  return self->course;
}
