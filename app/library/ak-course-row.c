/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-course-row.h"
#include "ak-display-text.h"

struct _AkCourseRow
{
  AdwActionRow parent_instance;

  AkCourse    *course;
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
  subtitle = g_strconcat (escaped_details, "\n", summary, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* A title cut in the row can still be read whole, within reason. */
  if (!g_str_equal (short_title, full_title))
    {
      g_autofree char *tooltip = ak_display_text_shorten (full_title, AK_TOOLTIP_MAX_CHARS);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
    }
}

static void
ak_course_row_dispose (GObject *object)
{
  AkCourseRow *self = (AkCourseRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_COURSE_ROW);
  g_clear_object (&self->course);

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
      self->course = g_value_dup_object (value);
      update_row (self);
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

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL,
                         AK_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ak-course-row.ui");
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

AkCourse *
ak_course_row_get_course (AkCourseRow *self)
{
  g_return_val_if_fail (AK_IS_COURSE_ROW (self), NULL);

  return self->course;
}
