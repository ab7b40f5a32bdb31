/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ak-score-chart.h"

/*
 * The score of each attempt at one quiz, oldest first, as points on a
 * line from 0 to 100 %, with the pass mark as a dashed line across.
 * Attempts are spaced evenly: a learner who tries three times in an
 * hour and once a month later sees four points, not a clump.
 */

#define HEIGHT 180
#define RADIUS 5
#define HIT_RADIUS 12

struct _AkScoreChart
{
  AkChart  parent_instance;

  GArray  *points;     /* AkScorePoint */
  double   pass_mark;
};

G_DEFINE_FINAL_TYPE (AkScoreChart, ak_score_chart, AK_TYPE_CHART)

typedef struct
{
  double left;
  double right;
  double top;
  double bottom;
  int    text_height;
} Plot;

static void
compute_plot (AkScoreChart *self,
              int           width,
              int           height,
              Plot         *plot)
{
  g_autofree char *widest = ak_chart_format_percent (1.0);
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), widest);
  int text_width;

  pango_layout_get_pixel_size (layout, &text_width, &plot->text_height);
  plot->left = text_width + 8 + RADIUS;
  plot->right = width - RADIUS - 2;
  plot->top = plot->text_height / 2.0 + 2;
  plot->bottom = height - plot->text_height - 6;
}

static void
point_position (AkScoreChart *self,
                const Plot   *plot,
                guint         index,
                double       *x,
                double       *y)
{
  const AkScorePoint *point = &g_array_index (self->points, AkScorePoint, index);
  guint n = self->points->len;

  *x = n > 1 ? plot->left + (plot->right - plot->left) * index / (n - 1)
             : (plot->left + plot->right) / 2;
  *y = plot->bottom - (plot->bottom - plot->top) * CLAMP (point->share, 0.0, 1.0);
}

static int
ak_score_chart_hit_test (AkChart      *chart,
                         double        x,
                         double        y,
                         GdkRectangle *area)
{
  AkScoreChart *self = AK_SCORE_CHART (chart);
  double best = HIT_RADIUS * HIT_RADIUS;
  int found = -1;
  Plot plot;

  compute_plot (self, gtk_widget_get_width (GTK_WIDGET (self)),
                gtk_widget_get_height (GTK_WIDGET (self)), &plot);
  for (guint i = 0; i < self->points->len; i++)
    {
      double px, py, distance;

      point_position (self, &plot, i, &px, &py);
      distance = (px - x) * (px - x) + (py - y) * (py - y);
      if (distance <= best)
        {
          best = distance;
          found = i;
          *area = (GdkRectangle) { px - RADIUS, py - RADIUS, 2 * RADIUS, 2 * RADIUS };
        }
    }
  return found;
}

static void
show_text (AkScoreChart  *self,
           cairo_t       *cr,
           const GdkRGBA *color,
           const char    *text,
           double         x,
           double         y,
           double         x_align)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  ak_chart_set_source_rgba (cr, color);
  cairo_move_to (cr, x - width * x_align, y);
  pango_cairo_show_layout (cr, layout);
}

static void
date_of (gint64  time,
         GDate  *date)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  int year = 1970, month = 1, day = 1;

  if (date_time != NULL)
    g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
ak_score_chart_draw (AkChart             *chart,
                     cairo_t             *cr,
                     const AkChartColors *colors,
                     int                  width,
                     int                  height)
{
  AkScoreChart *self = AK_SCORE_CHART (chart);
  static const double dashes[] = { 6, 4 };
  Plot plot;
  double pass_y;

  compute_plot (self, width, height, &plot);
  cairo_set_line_width (cr, 1);

  /* The scale: 0, 50 and 100 %. */
  for (int step = 0; step <= 2; step++)
    {
      g_autofree char *label = ak_chart_format_percent (step / 2.0);
      double y = plot.bottom - (plot.bottom - plot.top) * step / 2.0;

      ak_chart_set_source_rgba (cr, &colors->grid);
      cairo_move_to (cr, plot.left - RADIUS, round (y) + 0.5);
      cairo_line_to (cr, plot.right + RADIUS, round (y) + 0.5);
      cairo_stroke (cr);
      show_text (self, cr, &colors->dim, label, plot.left - RADIUS - 6,
                 y - plot.text_height / 2.0, 1.0);
    }

  /* The first and the last day under the axis. */
  {
    GDate first, last;
    g_autofree char *first_label = NULL;
    g_autofree char *last_label = NULL;

    date_of (g_array_index (self->points, AkScorePoint, 0).finished, &first);
    date_of (g_array_index (self->points, AkScorePoint, self->points->len - 1).finished, &last);
    first_label = ak_chart_format_short_date (&first);
    last_label = ak_chart_format_short_date (&last);
    if (self->points->len == 1)
      show_text (self, cr, &colors->dim, first_label, plot.left - RADIUS, plot.bottom + 4, 0);
    else
      {
        show_text (self, cr, &colors->dim, first_label, plot.left - RADIUS, plot.bottom + 4, 0);
        show_text (self, cr, &colors->dim, last_label, plot.right + RADIUS, plot.bottom + 4, 1);
      }
  }

  /* The pass mark. */
  pass_y = plot.bottom - (plot.bottom - plot.top) * CLAMP (self->pass_mark, 0.0, 1.0);
  ak_chart_set_source_rgba (cr, &colors->warning);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, plot.left - RADIUS, pass_y);
  cairo_line_to (cr, plot.right + RADIUS, pass_y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Its legend under the axis, between the dates, where no point is. */
  {
    g_autofree char *share = ak_chart_format_percent (self->pass_mark);
    /* Translators: the legend of the pass mark line in a chart: "pass mark 60%" */
    g_autofree char *label = g_strdup_printf (_("pass mark %s"), share);
    g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), label);
    int label_width;
    double x;
    double y = plot.bottom + 4 + plot.text_height / 2.0;

    pango_layout_get_pixel_size (layout, &label_width, NULL);
    x = round ((plot.left + plot.right - label_width - 20) / 2);
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_move_to (cr, x, y);
    cairo_line_to (cr, x + 16, y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    cairo_move_to (cr, x + 20, plot.bottom + 4);
    pango_cairo_show_layout (cr, layout);
  }

  /* The line from attempt to attempt, then the points over it. */
  ak_chart_set_source_rgba (cr, &colors->accent);
  for (guint i = 0; i < self->points->len; i++)
    {
      double x, y;

      point_position (self, &plot, i, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const AkScorePoint *point = &g_array_index (self->points, AkScorePoint, i);
      double x, y;

      point_position (self, &plot, i, &x, &y);
      cairo_arc (cr, x, y, RADIUS, 0, 2 * G_PI);
      if (point->passed)
        {
          /* Passed: filled; failed: a ring, so the difference is not in
           * the colour alone. */
          ak_chart_set_source_rgba (cr, &colors->success);
          cairo_fill (cr);
        }
      else
        {
          ak_chart_set_source_rgba (cr, &colors->accent);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
    }
}

static void
ak_score_chart_finalize (GObject *object)
{
  AkScoreChart *self = AK_SCORE_CHART (object);

  g_array_unref (self->points);

  G_OBJECT_CLASS (ak_score_chart_parent_class)->finalize (object);
}

static void
ak_score_chart_class_init (AkScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AkChartClass *chart_class = AK_CHART_CLASS (klass);

  object_class->finalize = ak_score_chart_finalize;
  chart_class->hit_test = ak_score_chart_hit_test;
  chart_class->draw = ak_score_chart_draw;
  chart_class->min_width = 160;
  chart_class->natural_width = 480;
  chart_class->height = HEIGHT;
}

static void
ak_score_chart_init (AkScoreChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (AkScorePoint));
  ak_chart_set_columns (AK_CHART (self), _("Attempt"), _("Date"), _("Score"), _("Passed"),
                        NULL);
}

GtkWidget *
ak_score_chart_new (void)
{
  return g_object_new (AK_TYPE_SCORE_CHART, NULL);
}

static void
update_summary (AkScoreChart *self,
                const char   *quiz_title)
{
  const AkScorePoint *last;
  double best = 0;
  guint n = self->points->len;
  g_autofree char *attempts = NULL;
  g_autofree char *last_share = NULL;
  g_autofree char *best_share = NULL;
  g_autofree char *pass_mark = NULL;
  g_autofree char *summary = NULL;

  if (n == 0)
    {
      /* Translators: the description of the score chart of a quiz not yet taken */
      summary = g_strdup_printf (_("“%s” has not been finished yet."), quiz_title);
      ak_chart_set_summary (AK_CHART (self), summary);
      return;
    }

  for (guint i = 0; i < n; i++)
    best = MAX (best, g_array_index (self->points, AkScorePoint, i).share);
  last = &g_array_index (self->points, AkScorePoint, n - 1);
  last_share = ak_chart_format_percent (last->share);
  best_share = ak_chart_format_percent (best);
  pass_mark = ak_chart_format_percent (self->pass_mark);
  /* Translators: describes the score chart: "“Quiz 1”: 3 attempts; last 80%,
   * best 90%, pass mark 60%." */
  summary = g_strdup_printf (ngettext ("“%s”: %u attempt; last %s, best %s, pass mark %s.",
                                       "“%s”: %u attempts; last %s, best %s, pass mark %s.",
                                       n),
                             quiz_title, n, last_share, best_share, pass_mark);
  ak_chart_set_summary (AK_CHART (self), summary);
}

/**
 * ak_score_chart_set_attempts:
 * @quiz_title: the quiz's title, for the summary
 * @points: (array length=n_points): the finished attempts, oldest first
 * @pass_mark: the share needed to pass, 0 to 1
 *
 * Shows the attempts at one quiz.
 */
void
ak_score_chart_set_attempts (AkScoreChart       *self,
                             const char         *quiz_title,
                             const AkScorePoint *points,
                             guint               n_points,
                             double              pass_mark)
{
  g_return_if_fail (AK_IS_SCORE_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, points, n_points);
  self->pass_mark = isfinite (pass_mark) ? CLAMP (pass_mark, 0.0, 1.0) : 0.0;

  ak_chart_clear (AK_CHART (self));
  for (guint i = 0; i < n_points; i++)
    {
      GDate date;
      g_autofree char *date_text = NULL;
      g_autofree char *share = ak_chart_format_percent (points[i].share);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *tooltip = NULL;

      date_of (points[i].finished, &date);
      date_text = ak_chart_format_date (&date);
      tooltip = g_strdup_printf (points[i].passed
                                 /* Translators: a tooltip: "Attempt 2 on 10/03/2024: 80%, passed" */
                                 ? _("Attempt %u on %s: %s, passed")
                                 /* Translators: a tooltip: "Attempt 1 on 09/03/2024: 40%, not passed" */
                                 : _("Attempt %u on %s: %s, not passed"),
                                 i + 1, date_text, share);
      ak_chart_add_mark (AK_CHART (self), tooltip);
      ak_chart_add_row (AK_CHART (self), number, date_text, share,
                        points[i].passed ? _("yes") : _("no"), NULL);
    }
  update_summary (self, quiz_title != NULL ? quiz_title : "");
  ak_chart_changed (AK_CHART (self));
}
