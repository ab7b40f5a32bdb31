/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-activity-heatmap.h"
#include "ak-bar-chart.h"
#include "ak-chart-card.h"
#include "ak-column-chart.h"
#include "ak-course-parts.h"
#include "ak-score-chart.h"
#include "ak-statistics-page.h"

/*
 * The learner's statistics, for all courses or one: activity per day,
 * the score per attempt at a quiz, mastery per thesis, the share of
 * reviews remembered per week and the reviews ahead. Everything is read
 * from the store when it changes (while the page is not shown, on the
 * next show). The forecast comes from the scheduler through
 * ak_statistics_page_set_forecast().
 */

#define ACTIVITY_WEEKS 26
#define RETENTION_WEEKS 12
#define RETENTION_TARGET 0.9
#define MASTERED 0.8

typedef struct
{
  char   *course_id;
  char   *quiz_id;
  char   *title;
  double  pass_mark;
  gint64  last_finished;
} QuizEntry;

struct _AkStatisticsPage
{
  AdwBin         parent_instance;

  /* Template children */
  GtkDropDown   *course_dropdown;
  GtkStringList *course_list;
  GtkDropDown   *quiz_dropdown;
  GtkStringList *quiz_list;
  AkChartCard   *score_card;
  AkChart       *activity_chart;
  AkChart       *score_chart;
  AkChart       *mastery_chart;
  AkChart       *retention_chart;
  AkChart       *forecast_chart;

  AkContext     *context;
  GPtrArray     *course_ids;   /* char *, one per entry of course_list after "All Courses" */
  GPtrArray     *quizzes;      /* QuizEntry, one per entry of quiz_list */
  char          *course_id;    /* the course shown, NULL for all */
  char          *quiz_key;     /* "course\nquiz" of the quiz shown */

  guint          dirty : 1;
  guint          updating : 1;
};

G_DEFINE_FINAL_TYPE (AkStatisticsPage, ak_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quiz_entry_free (QuizEntry *entry)
{
  g_free (entry->course_id);
  g_free (entry->quiz_id);
  g_free (entry->title);
  g_free (entry);
}

static char *
quiz_key (const char *course_id,
          const char *quiz_id)
{
  return g_strconcat (course_id, "\n", quiz_id, NULL);
}

static AkProgressStore *
get_store (AkStatisticsPage *self)
{
  return self->context != NULL ? ak_context_get_store (self->context) : NULL;
}

static GListModel *
get_courses (AkStatisticsPage *self)
{
  AkCourseLibrary *library = self->context != NULL ? ak_context_get_library (self->context)
                                                   : NULL;

  return library != NULL ? G_LIST_MODEL (library) : NULL;
}

static void
today (AkStatisticsPage *self,
       GDate            *date)
{
  AkClock *clock = ak_context_get_clock (self->context);
  gint64 now = clock != NULL ? ak_clock_get_real_time (clock) : g_get_real_time ();
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
warn_failed (const char   *what,
             const GError *error)
{
  g_warning ("Cannot read the %s for the statistics: %s", what, error->message);
}

/* Activity */

static void
update_activity (AkStatisticsPage *self,
                 const GDate      *last)
{
  AkProgressStore *store = get_store (self);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (AkActivityDay));
  g_autoptr(GError) error = NULL;
  GDate first = *last;

  g_date_subtract_days (&first, ACTIVITY_WEEKS * 7 - 1);
  if (store != NULL)
    days = ak_progress_store_get_activity (store, self->course_id, &first, last, &error);
  if (error != NULL)
    warn_failed ("activity", error);
  for (guint i = 0; days != NULL && i < days->len; i++)
    g_array_append_val (plain, *(AkActivityDay *)g_ptr_array_index (days, i));
  ak_activity_heatmap_set_days (AK_ACTIVITY_HEATMAP (self->activity_chart),
                                (AkActivityDay *)(gpointer)plain->data, plain->len);
}

/* Scores */

static void
add_course_quizzes (AkStatisticsPage *self,
                    AkProgressStore  *store,
                    AkCourse         *course,
                    gboolean          all_courses)
{
  guint n = ak_course_get_n_quizzes (course);

  for (guint i = 0; i < n; i++)
    {
      const AkQuiz *quiz = ak_course_get_quiz (course, i);
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GError) error = NULL;
      QuizEntry *entry;
      AkProgressAttempt *last;

      history = ak_progress_store_get_quiz_history (store, ak_course_get_id (course),
                                                    ak_quiz_get_id (quiz), &error);
      if (history == NULL)
        {
          warn_failed ("attempts", error);
          continue;
        }
      if (history->len == 0)
        continue;

      last = g_ptr_array_index (history, history->len - 1);
      entry = g_new0 (QuizEntry, 1);
      entry->course_id = g_strdup (ak_course_get_id (course));
      entry->quiz_id = g_strdup (ak_quiz_get_id (quiz));
      /* Translators: a quiz in the list of all courses' quizzes: "Course: Quiz" */
      entry->title = all_courses ? g_strdup_printf (_("%s: %s"), ak_course_get_title (course),
                                                    ak_quiz_get_title (quiz))
                                 : g_strdup (ak_quiz_get_title (quiz));
      entry->pass_mark = ak_quiz_get_pass_mark (quiz) / 100.0;
      entry->last_finished = last->finished;
      g_ptr_array_add (self->quizzes, entry);
    }
}

static void
update_score_chart (AkStatisticsPage *self)
{
  AkProgressStore *store = get_store (self);
  guint selected = gtk_drop_down_get_selected (self->quiz_dropdown);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AkScorePoint));
  g_autoptr(GError) error = NULL;
  QuizEntry *entry;

  if (store == NULL || selected >= self->quizzes->len)
    {
      ak_score_chart_set_attempts (AK_SCORE_CHART (self->score_chart), "", NULL, 0, 0);
      /* Translators: the description of the score chart before any quiz was finished */
      ak_chart_set_summary (self->score_chart, _("No quiz has been finished yet."));
      return;
    }

  entry = g_ptr_array_index (self->quizzes, selected);
  g_free (self->quiz_key);
  self->quiz_key = quiz_key (entry->course_id, entry->quiz_id);

  history = ak_progress_store_get_quiz_history (store, entry->course_id, entry->quiz_id, &error);
  if (error != NULL)
    warn_failed ("attempts", error);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      AkProgressAttempt *attempt = g_ptr_array_index (history, i);
      AkScorePoint point = {
        attempt->finished,
        attempt->max_score > 0 ? attempt->score / attempt->max_score : 0,
        attempt->passed,
      };

      g_array_append_val (points, point);
    }
  ak_score_chart_set_attempts (AK_SCORE_CHART (self->score_chart), entry->title,
                               (AkScorePoint *)(gpointer)points->data, points->len,
                               entry->pass_mark);
}

/* Puts @titles in a drop-down's list without taking the change for the
 * learner's choice. */
static void
set_choices (AkStatisticsPage *self,
             GtkStringList    *list,
             GtkDropDown      *dropdown,
             GPtrArray        *titles,
             guint             selected,
             gboolean          visible)
{
  g_ptr_array_add (titles, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *)titles->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (dropdown), visible);
}

static void
update_quizzes (AkStatisticsPage *self)
{
  AkProgressStore *store = get_store (self);
  GListModel *courses = get_courses (self);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint selected = GTK_INVALID_LIST_POSITION;
  gint64 newest = G_MININT64;

  g_ptr_array_set_size (self->quizzes, 0);
  if (store != NULL && courses != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
      {
        g_autoptr(AkCourse) course = g_list_model_get_item (courses, i);

        if (self->course_id == NULL || g_str_equal (self->course_id, ak_course_get_id (course)))
          /* The course's name only where there are others. */
          add_course_quizzes (self, store, course,
                              self->course_id == NULL && g_list_model_get_n_items (courses) > 1);
      }

  /* The quiz shown before if it is still there, else the one taken last. */
  for (guint i = 0; i < self->quizzes->len; i++)
    {
      QuizEntry *entry = g_ptr_array_index (self->quizzes, i);
      g_autofree char *key = quiz_key (entry->course_id, entry->quiz_id);

      g_ptr_array_add (titles, entry->title);
      if (g_strcmp0 (key, self->quiz_key) == 0)
        {
          selected = i;
          newest = G_MAXINT64;
        }
      else if (entry->last_finished > newest)
        {
          selected = i;
          newest = entry->last_finished;
        }
    }
  set_choices (self, self->quiz_list, self->quiz_dropdown, titles, selected,
               self->quizzes->len > 1);

  update_score_chart (self);
}

/* Mastery */

static const char *
thesis_text (AkStatisticsPage      *self,
             const AkThesisMastery *mastery)
{
  AkCourse *course = ak_context_lookup_course (self->context, mastery->course_id);
  const AkBlock *thesis = course != NULL ? ak_course_find_thesis (course, mastery->thesis_id, NULL, NULL)
                                         : NULL;

  return thesis != NULL ? ak_block_get_text (thesis) : mastery->thesis_id;
}

static void
update_mastery (AkStatisticsPage *self)
{
  AkProgressStore *store = get_store (self);
  GListModel *courses = get_courses (self);
  g_autoptr(GPtrArray) theses = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AkBarItem));
  g_autoptr(GPtrArray) tooltips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_practised = 0;
  guint n_mastered = 0;

  if (store != NULL && self->course_id != NULL)
    {
      AkCourse *course = ak_context_lookup_course (self->context, self->course_id);

      if (course != NULL)
        theses = ak_progress_store_get_mastery (store, course, &error);
    }
  else if (store != NULL && courses != NULL)
    theses = ak_progress_store_get_overall_mastery (store, courses, &error);
  if (error != NULL)
    warn_failed ("mastery", error);

  for (guint i = 0; theses != NULL && i < theses->len; i++)
    {
      AkThesisMastery *mastery = g_ptr_array_index (theses, i);
      const char *text = thesis_text (self, mastery);
      g_autofree char *share = ak_chart_format_percent (mastery->mastery);
      char *tooltip;
      AkBarItem item = { text, mastery->mastery, mastery->n_answered > 0, NULL };

      if (mastery->n_questions == 0)
        continue;
      if (mastery->n_answered > 0)
        {
          n_practised++;
          if (mastery->mastery >= MASTERED)
            n_mastered++;
          /* Translators: a tooltip: "Thesis text: 75% mastered, 3 of 4 questions answered" */
          tooltip = g_strdup_printf (ngettext ("%s: %s mastered, %u of %u question answered",
                                               "%s: %s mastered, %u of %u questions answered",
                                               mastery->n_questions),
                                     text, share, mastery->n_answered, mastery->n_questions);
        }
      else
        /* Translators: a tooltip for a thesis none of whose questions was answered */
        tooltip = g_strdup_printf (_("%s: not practised yet"), text);
      item.tooltip = tooltip;
      g_ptr_array_add (tooltips, tooltip);
      g_array_append_val (items, item);
    }

  ak_bar_chart_set_items (AK_BAR_CHART (self->mastery_chart),
                          (AkBarItem *)(gpointer)items->data, items->len);
  if (items->len == 0)
    summary = g_strdup (_("There are no theses with questions yet."));
  else
    {
      g_autofree char *threshold = ak_chart_format_percent (MASTERED);

      /* Translators: describes the mastery chart: "12 theses: 5 practised,
       * 3 of them mastered to at least 80%." */
      summary = g_strdup_printf (ngettext ("%u thesis: %u practised, %u of them mastered to at least %s.",
                                           "%u theses: %u practised, %u of them mastered to at least %s.",
                                           items->len),
                                 items->len, n_practised, n_mastered, threshold);
    }
  ak_chart_set_summary (self->mastery_chart, summary);
}

/* Retention */

static void
update_retention (AkStatisticsPage *self,
                  const GDate      *last)
{
  AkProgressStore *store = get_store (self);
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (AkColumn));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = ak_chart_format_percent (RETENTION_TARGET);
  g_autofree char *summary = NULL;
  guint n_reviews = 0;
  guint n_remembered = 0;
  GDate first = *last;

  g_date_subtract_days (&first, (RETENTION_WEEKS - 1) * 7);
  if (store != NULL)
    weeks = ak_progress_store_get_retention (store, self->course_id, &first, last, &error);
  if (error != NULL)
    warn_failed ("retention", error);

  for (guint i = 0; weeks != NULL && i < weeks->len; i++)
    {
      AkRetentionWeek *week = g_ptr_array_index (weeks, i);
      double share = week->n_reviews > 0 ? (double)week->n_remembered / week->n_reviews : 0;
      g_autofree char *date = ak_chart_format_date (&week->first_day);
      g_autofree char *percent = ak_chart_format_percent (share);
      char *label = ak_chart_format_short_date (&week->first_day);
      char *tooltip;
      AkColumn column = { label, share, week->n_reviews > 0, NULL };

      if (week->n_reviews > 0)
        /* Translators: a tooltip: "Week of 04/03/2024: 9 of 10 reviews remembered (90%)" */
        tooltip = g_strdup_printf (ngettext ("Week of %s: %u of %u review remembered (%s)",
                                             "Week of %s: %u of %u reviews remembered (%s)",
                                             week->n_reviews),
                                   date, week->n_remembered, week->n_reviews, percent);
      else
        /* Translators: a tooltip for a week without reviews */
        tooltip = g_strdup_printf (_("Week of %s: no reviews"), date);
      column.tooltip = tooltip;
      g_ptr_array_add (texts, label);
      g_ptr_array_add (texts, tooltip);
      g_array_append_val (columns, column);
      n_reviews += week->n_reviews;
      n_remembered += week->n_remembered;
    }

  {
    /* Translators: the label of the target line in the retention chart: "target 90%" */
    g_autofree char *target_label = g_strdup_printf (_("target %s"), target);

    ak_column_chart_set_target (AK_COLUMN_CHART (self->retention_chart), RETENTION_TARGET,
                                target_label);
  }
  ak_column_chart_set_columns (AK_COLUMN_CHART (self->retention_chart), AK_COLUMN_VALUE_PERCENT,
                               (AkColumn *)(gpointer)columns->data,
                               n_reviews > 0 ? columns->len : 0);
  if (n_reviews == 0)
    /* Translators: describes the retention chart before any review */
    summary = g_strdup_printf (_("No reviews in the last %u weeks yet. An answer to a question "
                                 "answered on an earlier day is a review; the target is to "
                                 "remember %s."),
                               RETENTION_WEEKS, target);
  else
    {
      g_autofree char *share = ak_chart_format_percent ((double)n_remembered / n_reviews);

      /* Translators: describes the retention chart: "In the last 12 weeks,
       * 85% of 40 reviews remembered; the target is 90%." */
      summary = g_strdup_printf (ngettext ("In the last %u weeks, %s of %u review remembered; "
                                           "the target is %s.",
                                           "In the last %u weeks, %s of %u reviews remembered; "
                                           "the target is %s.",
                                           n_reviews),
                                 RETENTION_WEEKS, share, n_reviews, target);
    }
  ak_chart_set_summary (self->retention_chart, summary);
}

/* Courses */

static void
update_courses (AkStatisticsPage *self)
{
  GListModel *courses = get_courses (self);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_set_size (self->course_ids, 0);
  g_ptr_array_add (titles, g_strdup (_("All Courses")));
  for (guint i = 0; courses != NULL && i < g_list_model_get_n_items (courses); i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (courses, i);

      g_ptr_array_add (self->course_ids, g_strdup (ak_course_get_id (course)));
      g_ptr_array_add (titles, g_strdup (ak_course_get_title (course)));
      if (g_strcmp0 (self->course_id, ak_course_get_id (course)) == 0)
        selected = i + 1;
    }
  if (selected == 0)
    g_clear_pointer (&self->course_id, g_free);
  set_choices (self, self->course_list, self->course_dropdown, titles, selected,
               self->course_ids->len > 1);
}

/* Choices */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean in_button = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Long course and quiz titles must not widen a narrow window: the
   * button shortens them, the list wraps them. */
  if (in_button)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static GtkListItemFactory *
choice_factory_new (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  return factory;
}

static void
set_up_choices (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button_factory = choice_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (FALSE);

  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* Callbacks */

static void
store_changed_cb (AkStatisticsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ak_statistics_page_refresh (self);
  else
    self->dirty = TRUE;
}

static void
courses_changed_cb (AkStatisticsPage *self)
{
  update_courses (self);
  store_changed_cb (self);
}

static void
course_selected_cb (AkStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->course_dropdown);

  if (self->updating)
    return;
  ak_statistics_page_select_course (self, selected > 0 && selected <= self->course_ids->len
                                          ? g_ptr_array_index (self->course_ids, selected - 1)
                                          : NULL);
}

static void
quiz_selected_cb (AkStatisticsPage *self)
{
  if (!self->updating)
    update_score_chart (self);
}

static void
ak_statistics_page_map (GtkWidget *widget)
{
  AkStatisticsPage *self = AK_STATISTICS_PAGE (widget);

  GTK_WIDGET_CLASS (ak_statistics_page_parent_class)->map (widget);
  if (self->dirty)
    ak_statistics_page_refresh (self);
}

static void
ak_statistics_page_set_context (AkStatisticsPage *self,
                                AkContext        *context)
{
  AkProgressStore *store;
  GListModel *courses;

  g_assert (self->context == NULL);
  if (context == NULL)
    return;

  self->context = g_object_ref (context);
  store = get_store (self);
  courses = get_courses (self);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (courses != NULL)
    g_signal_connect_object (courses, "items-changed", G_CALLBACK (courses_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_courses (self);
  ak_statistics_page_refresh (self);
}

static void
ak_statistics_page_dispose (GObject *object)
{
  AkStatisticsPage *self = AK_STATISTICS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_STATISTICS_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ak_statistics_page_parent_class)->dispose (object);
}

static void
ak_statistics_page_finalize (GObject *object)
{
  AkStatisticsPage *self = AK_STATISTICS_PAGE (object);

  g_ptr_array_unref (self->course_ids);
  g_ptr_array_unref (self->quizzes);
  g_free (self->course_id);
  g_free (self->quiz_key);

  G_OBJECT_CLASS (ak_statistics_page_parent_class)->finalize (object);
}

static void
ak_statistics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AkStatisticsPage *self = AK_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_statistics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AkStatisticsPage *self = AK_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ak_statistics_page_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_statistics_page_class_init (AkStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_statistics_page_dispose;
  object_class->finalize = ak_statistics_page_finalize;
  object_class->get_property = ak_statistics_page_get_property;
  object_class->set_property = ak_statistics_page_set_property;
  widget_class->map = ak_statistics_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AK_TYPE_CHART_CARD);
  g_type_ensure (AK_TYPE_ACTIVITY_HEATMAP);
  g_type_ensure (AK_TYPE_SCORE_CHART);
  g_type_ensure (AK_TYPE_BAR_CHART);
  g_type_ensure (AK_TYPE_COLUMN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, course_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, course_list);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, quiz_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, quiz_list);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, score_card);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, activity_chart);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, score_chart);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, mastery_chart);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, retention_chart);
  gtk_widget_class_bind_template_child (widget_class, AkStatisticsPage, forecast_chart);
}

static void
ak_statistics_page_init (AkStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->course_ids = g_ptr_array_new_with_free_func (g_free);
  self->quizzes = g_ptr_array_new_with_free_func ((GDestroyNotify)quiz_entry_free);

  ak_chart_set_columns (self->mastery_chart, _("Thesis"), _("Mastery"), NULL);
  ak_chart_set_columns (self->retention_chart, _("Week of"), _("Remembered"), NULL);
  ak_statistics_page_set_forecast (self, NULL, NULL, 0);
  set_up_choices (self->course_dropdown);
  set_up_choices (self->quiz_dropdown);

  g_signal_connect_swapped (self->course_dropdown, "notify::selected",
                            G_CALLBACK (course_selected_cb), self);
  g_signal_connect_swapped (self->quiz_dropdown, "notify::selected",
                            G_CALLBACK (quiz_selected_cb), self);
}

/**
 * ak_statistics_page_new:
 * @context: the library, the store and the clock to show statistics of
 *
 * Returns: (transfer floating): a new statistics page
 */
GtkWidget *
ak_statistics_page_new (AkContext *context)
{
  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);

  return g_object_new (AK_TYPE_STATISTICS_PAGE, "context", context, NULL);
}

/* The scheduler's next seven days, for the loaded courses. */
static void
update_forecast (AkStatisticsPage *self,
                 const GDate      *today_date)
{
  AkReviewQueue *queue = ak_context_get_review_queue (self->context);
  g_autoptr(GError) error = NULL;
  const guint *forecast;
  GDate tomorrow = *today_date;
  guint total = 0;

  if (queue == NULL)
    return;
  if (!ak_review_queue_refresh (queue, &error))
    {
      warn_failed ("review forecast", error);
      return;
    }
  forecast = ak_review_queue_get_forecast (queue);
  for (guint i = 0; i < AK_REVIEW_FORECAST_DAYS; i++)
    total += forecast[i];
  g_date_add_days (&tomorrow, 1);
  ak_statistics_page_set_forecast (self, &tomorrow, forecast, total > 0 ? AK_REVIEW_FORECAST_DAYS : 0);
}

/**
 * ak_statistics_page_refresh:
 *
 * Reads every chart's data from the store again. The page does this
 * itself when the store changes.
 */
void
ak_statistics_page_refresh (AkStatisticsPage *self)
{
  GDate last;

  g_return_if_fail (AK_IS_STATISTICS_PAGE (self));

  self->dirty = FALSE;
  if (self->context == NULL)
    return;
  today (self, &last);
  update_activity (self, &last);
  update_quizzes (self);
  update_mastery (self);
  update_retention (self, &last);
  update_forecast (self, &last);
}

/**
 * ak_statistics_page_select_course:
 * @course_id: (nullable): the course to show, %NULL for all courses
 */
void
ak_statistics_page_select_course (AkStatisticsPage *self,
                                  const char       *course_id)
{
  g_return_if_fail (AK_IS_STATISTICS_PAGE (self));

  if (g_strcmp0 (self->course_id, course_id) == 0)
    return;
  g_free (self->course_id);
  self->course_id = g_strdup (course_id);
  update_courses (self);
  ak_statistics_page_refresh (self);
}

/**
 * ak_statistics_page_get_course_id:
 *
 * Returns: (nullable): the course shown, %NULL for all courses
 */
const char *
ak_statistics_page_get_course_id (AkStatisticsPage *self)
{
  g_return_val_if_fail (AK_IS_STATISTICS_PAGE (self), NULL);
  return self->course_id;
}

/**
 * ak_statistics_page_set_forecast:
 * @first: (nullable): the first day of the forecast, usually today
 * @counts: (array length=n_days) (nullable): the reviews due on each day
 *   from @first on
 *
 * Shows the reviews ahead, as the scheduler counts them; %NULL or no
 * days until it does.
 */
void
ak_statistics_page_set_forecast (AkStatisticsPage *self,
                                 const GDate      *first,
                                 const guint      *counts,
                                 guint             n_days)
{
  g_return_if_fail (AK_IS_STATISTICS_PAGE (self));

  ak_column_chart_set_forecast (AK_COLUMN_CHART (self->forecast_chart), first, counts, n_days);
}
