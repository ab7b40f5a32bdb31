/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ak-column-chart.h"

/*
 * Vertical columns over a row of labels (weeks, days), counts or shares,
 * with an optional target as a dashed line across: retention per week
 * against 90 %, reviews due per day. The data is plain, so that the
 * statistics page can feed it from the answers now and the scheduler
 * later. The caller sets the summary and the table's columns; each
 * column adds a table row (label, value).
 */

#define HEIGHT 160
#define COLUMN_GAP 6
#define MAX_COLUMN 48

struct _AkColumnChart
{
  AkChart        parent_instance;

  AkColumnValue  kind;
  double         max_value;
  double         target;    /* < 0: none */
  char          *target_label;
};

G_DEFINE_FINAL_TYPE (AkColumnChart, ak_column_chart, AK_TYPE_CHART)

typedef struct
{
  double left;
  double top;
  double bottom;
  double slot;       /* the width given to each column */
  double column;     /* the width drawn */
  int    text_height;
} Plot;

static char *
format_value (AkColumnChart *self,
              double         value)
{
  if (self->kind == AK_COLUMN_VALUE_PERCENT)
    return ak_chart_format_percent (value);
  return ak_chart_format_count (value > 0 ? (guint)round (value) : 0);
}

static void
compute_plot (AkColumnChart *self,
              int            width,
              int            height,
              Plot          *plot)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), "Ag");
  guint n = MAX (ak_chart_get_n_marks (AK_CHART (self)), 1);

  pango_layout_get_pixel_size (layout, NULL, &plot->text_height);
  plot->left = 0;
  /* Room above the tallest column for its value. */
  plot->top = plot->text_height + 4;
  plot->bottom = height - plot->text_height - 6;
  plot->slot = (double)width / n;
  plot->column = MIN (plot->slot - COLUMN_GAP, MAX_COLUMN);
  plot->column = MAX (plot->column, 2);
}

static double
value_y (AkColumnChart *self,
         const Plot    *plot,
         double         value)
{
  double share = self->max_value > 0 ? value / self->max_value : 0;

  return plot->bottom - (plot->bottom - plot->top) * CLAMP (share, 0.0, 1.0);
}

static int
ak_column_chart_hit_test (AkChart      *chart,
                          double        x,
                          double        y,
                          GdkRectangle *area)
{
  AkColumnChart *self = AK_COLUMN_CHART (chart);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  Plot plot;
  int index;

  compute_plot (self, width, height, &plot);
  if (x < 0 || y < 0 || y > height || plot.slot <= 0)
    return -1;
  /* The whole slot, labels included: a column of 0 is still found. */
  index = (int)(x / plot.slot);
  if (index < 0 || (guint)index >= ak_chart_get_n_marks (chart))
    return -1;
  *area = (GdkRectangle) { index * plot.slot, 0, ceil (plot.slot), height };
  return index;
}

static void
show_text (AkColumnChart *self,
           cairo_t       *cr,
           const GdkRGBA *color,
           const char    *text,
           double         center_x,
           double         y)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), text);
  int width;
  double x;

  pango_layout_get_pixel_size (layout, &width, NULL);
  /* Centred, but inside the chart: the last label is not cut off. */
  x = MIN (center_x - width / 2.0, gtk_widget_get_width (GTK_WIDGET (self)) - width);
  ak_chart_set_source_rgba (cr, color);
  cairo_move_to (cr, round (MAX (x, 0)), y);
  pango_cairo_show_layout (cr, layout);
}

static int
text_width (AkColumnChart *self,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
ak_column_chart_draw (AkChart             *chart,
                      cairo_t             *cr,
                      const AkChartColors *colors,
                      int                  width,
                      int                  height)
{
  AkColumnChart *self = AK_COLUMN_CHART (chart);
  static const double dashes[] = { 6, 4 };
  guint n = ak_chart_get_n_marks (chart);
  int widest_label = 0;
  guint label_step = 1;
  Plot plot;

  compute_plot (self, width, height, &plot);

  /* The base line. */
  ak_chart_set_source_rgba (cr, &colors->grid);
  cairo_rectangle (cr, 0, round (plot.bottom), width, 1);
  cairo_fill (cr);

  /* Every label if they fit, else every second, third… */
  for (guint i = 0; i < n; i++)
    widest_label = MAX (widest_label, text_width (self, ak_chart_get_value (chart, i)->label));
  while (label_step < n && plot.slot * label_step < widest_label + 6)
    label_step++;

  for (guint i = 0; i < n; i++)
    {
      const AkChartValue *column = ak_chart_get_value (chart, i);
      double center = (i + 0.5) * plot.slot;

      if (column->has_value)
        {
          g_autofree char *value = format_value (self, column->value);
          double top = value_y (self, &plot, column->value);

          ak_chart_set_source_rgba (cr, &colors->accent);
          cairo_rectangle (cr, round (center - plot.column / 2), top,
                           round (plot.column), MAX (plot.bottom - top, 0));
          cairo_fill (cr);
          if (text_width (self, value) <= plot.slot)
            show_text (self, cr, &colors->dim, value, center, top - plot.text_height - 2);
        }
      if ((n - 1 - i) % label_step == 0)
        show_text (self, cr, &colors->dim, column->label, center, plot.bottom + 4);
    }

  if (self->target >= 0)
    {
      double y = value_y (self, &plot, self->target);

      ak_chart_set_source_rgba (cr, &colors->warning);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (self->target_label != NULL)
        {
          g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self),
                                                                  self->target_label);

          /* At the left, where the oldest columns are: mostly empty. */
          ak_chart_set_source_rgba (cr, &colors->warning);
          cairo_move_to (cr, 0, MAX (y - plot.text_height - 2, 0));
          pango_cairo_show_layout (cr, layout);
        }
    }
}

static void
ak_column_chart_measure_width (AkChart *chart,
                               int     *minimum,
                               int     *natural)
{
  guint n = ak_chart_get_n_marks (chart);

  *minimum = MIN (n * 12, 160);
  *natural = MAX (n * (MAX_COLUMN + COLUMN_GAP), 240);
}

static void
ak_column_chart_finalize (GObject *object)
{
  AkColumnChart *self = AK_COLUMN_CHART (object);

  g_free (self->target_label);

  G_OBJECT_CLASS (ak_column_chart_parent_class)->finalize (object);
}

static void
ak_column_chart_class_init (AkColumnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AkChartClass *chart_class = AK_CHART_CLASS (klass);

  object_class->finalize = ak_column_chart_finalize;
  chart_class->hit_test = ak_column_chart_hit_test;
  chart_class->draw = ak_column_chart_draw;
  chart_class->measure_width = ak_column_chart_measure_width;
  chart_class->height = HEIGHT;
}

static void
ak_column_chart_init (AkColumnChart *self)
{
  self->target = -1;
}

GtkWidget *
ak_column_chart_new (void)
{
  return g_object_new (AK_TYPE_COLUMN_CHART, NULL);
}

static void
update_scale (AkColumnChart *self)
{
  /* Shares go up to 100 %; counts up to the largest, at least 1. */
  self->max_value = 1.0;
  if (self->kind == AK_COLUMN_VALUE_COUNT)
    for (guint i = 0; i < ak_chart_get_n_marks (AK_CHART (self)); i++)
      self->max_value = MAX (self->max_value, ak_chart_get_value (AK_CHART (self), i)->value);
  if (self->target > self->max_value)
    self->max_value = self->target;
}

/**
 * ak_column_chart_set_columns:
 * @kind: whether the values are counts or shares
 * @columns: (array length=n_columns): the columns, left to right
 *
 * Shows @columns, and adds a table row (label, value) for each. The
 * texts are copied.
 */
void
ak_column_chart_set_columns (AkColumnChart  *self,
                             AkColumnValue   kind,
                             const AkColumn *columns,
                             guint           n_columns)
{
  g_return_if_fail (AK_IS_COLUMN_CHART (self));
  g_return_if_fail (columns != NULL || n_columns == 0);

  self->kind = kind;
  ak_chart_clear (AK_CHART (self));
  for (guint i = 0; i < n_columns; i++)
    {
      double value = isfinite (columns[i].value) ? MAX (columns[i].value, 0.0) : 0.0;
      g_autofree char *value_text = NULL;

      if (kind == AK_COLUMN_VALUE_PERCENT)
        value = MIN (value, 1.0);
      value_text = format_value (self, value);
      ak_chart_add_value (AK_CHART (self), columns[i].label, value, columns[i].has_value,
                          value_text, columns[i].tooltip);
    }
  update_scale (self);
  ak_chart_changed (AK_CHART (self));
}

/**
 * ak_column_chart_set_target:
 * @target: the value to reach, in the columns' unit; negative for none
 * @label: (nullable): what the line means, shown above it
 *
 * Draws a dashed line across the chart at @target.
 */
void
ak_column_chart_set_target (AkColumnChart *self,
                            double         target,
                            const char    *label)
{
  g_return_if_fail (AK_IS_COLUMN_CHART (self));

  self->target = isfinite (target) ? target : -1;
  g_free (self->target_label);
  self->target_label = g_strdup (label);
  update_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
ak_column_chart_get_target (AkColumnChart *self)
{
  g_return_val_if_fail (AK_IS_COLUMN_CHART (self), -1);
  return self->target;
}

/**
 * ak_column_chart_set_forecast:
 * @first: (nullable): the first day of the forecast
 * @counts: (array length=n_days) (nullable): the reviews due on each day
 *   from @first on
 *
 * Shows the reviews due per day, with the weekday under each column, and
 * says how many are due in all; no days: that none are planned.
 */
void
ak_column_chart_set_forecast (AkColumnChart *self,
                              const GDate   *first,
                              const guint   *counts,
                              guint          n_days)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (AkColumn));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint total = 0;

  g_return_if_fail (AK_IS_COLUMN_CHART (self));
  g_return_if_fail (n_days == 0 || (first != NULL && g_date_valid (first) && counts != NULL));

  ak_chart_set_columns (AK_CHART (self), _("Day"), _("Reviews"), NULL);
  for (guint i = 0; i < n_days; i++)
    {
      GDate date = *first;
      g_autofree char *date_text = NULL;
      g_autofree char *count = ak_chart_format_count (counts[i]);
      g_autoptr(GDateTime) noon = NULL;
      char *label;
      char *tooltip;

      g_date_add_days (&date, i);
      date_text = ak_chart_format_weekday_date (&date);
      noon = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
      label = noon != NULL ? g_date_time_format (noon, "%a") : g_strdup ("");
      /* Translators: a tooltip: "Monday, 11/03/2024: 12 reviews due" */
      tooltip = g_strdup_printf (ngettext ("%s: %s review due", "%s: %s reviews due", counts[i]),
                                 date_text, count);
      g_ptr_array_add (texts, label);
      g_ptr_array_add (texts, tooltip);
      g_array_append_val (columns, ((AkColumn) { label, counts[i], TRUE, tooltip }));
      total += counts[i];
    }
  ak_column_chart_set_columns (self, AK_COLUMN_VALUE_COUNT,
                               (AkColumn *)(gpointer)columns->data, columns->len);

  if (n_days == 0)
    summary = g_strdup (_("No reviews are planned yet."));
  else
    {
      g_autofree char *count = ak_chart_format_count (total);

      /* Translators: describes the forecast chart: "120 reviews due in the next 7 days." */
      summary = g_strdup_printf (ngettext ("%s review due in the next %u days.",
                                           "%s reviews due in the next %u days.",
                                           total),
                                 count, n_days);
    }
  ak_chart_set_summary (AK_CHART (self), summary);
}
