/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ak-bar-chart.h"

/*
 * Horizontal bars of shares, one per row with its label above it, so
 * that long labels (a thesis is a sentence) fit a narrow window. The
 * caller gives the labels, the tooltips, the columns of the table and
 * the summary; the chart adds a row per item with its share.
 */

#define BAR_HEIGHT 10
#define ROW_GAP 10

struct _AkBarChart
{
  AkChart  parent_instance;
};

G_DEFINE_FINAL_TYPE (AkBarChart, ak_bar_chart, AK_TYPE_CHART)

static int
text_height (AkBarChart *self)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
row_height (AkBarChart *self)
{
  int height = text_height (self);

  return height + 2 + MAX (height, BAR_HEIGHT) + ROW_GAP;
}

static int
ak_bar_chart_hit_test (AkChart      *chart,
                       double        x,
                       double        y,
                       GdkRectangle *area)
{
  AkBarChart *self = AK_BAR_CHART (chart);
  int height = row_height (self);
  int index = y >= 0 ? (int)(y / height) : -1;

  if (index < 0 || (guint)index >= ak_chart_get_n_marks (chart) || x < 0
      || x >= gtk_widget_get_width (GTK_WIDGET (self)))
    return -1;
  *area = (GdkRectangle) { 0, index * height, gtk_widget_get_width (GTK_WIDGET (self)), height };
  return index;
}

static void
ak_bar_chart_draw (AkChart             *chart,
                   cairo_t             *cr,
                   const AkChartColors *colors,
                   int                  width,
                   int                  height)
{
  AkBarChart *self = AK_BAR_CHART (chart);
  int line_height = text_height (self);
  int step = row_height (self);
  g_autofree char *widest = ak_chart_format_percent (1.0);
  g_autoptr(PangoLayout) widest_layout = ak_chart_create_layout (chart, widest);
  int value_width;

  pango_layout_get_pixel_size (widest_layout, &value_width, NULL);

  for (guint i = 0; i < ak_chart_get_n_marks (chart); i++)
    {
      const AkChartValue *bar = ak_chart_get_value (chart, i);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (GTK_WIDGET (self), bar->label);
      g_autofree char *value_text = bar->has_value ? ak_chart_format_percent (bar->value)
                                                   : g_strdup ("–");
      g_autoptr(PangoLayout) value = ak_chart_create_layout (AK_CHART (self), value_text);
      int y = i * step;
      int track_width = MAX (width - value_width - 8, 1);
      int bar_y = y + line_height + 2 + (MAX (line_height, BAR_HEIGHT) - BAR_HEIGHT) / 2;
      int value_text_width;

      pango_layout_set_width (label, width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (label, TRUE);
      ak_chart_set_source_rgba (cr, &colors->foreground);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, label);

      ak_chart_set_source_rgba (cr, &colors->empty);
      cairo_rectangle (cr, 0, bar_y, track_width, BAR_HEIGHT);
      cairo_fill (cr);
      if (bar->has_value && bar->value > 0)
        {
          ak_chart_set_source_rgba (cr, &colors->accent);
          cairo_rectangle (cr, 0, bar_y, MAX (round (track_width * bar->value), 2), BAR_HEIGHT);
          cairo_fill (cr);
        }

      pango_layout_get_pixel_size (value, &value_text_width, NULL);
      ak_chart_set_source_rgba (cr, &colors->dim);
      cairo_move_to (cr, width - value_text_width,
                     bar_y + BAR_HEIGHT / 2.0 - line_height / 2.0);
      pango_cairo_show_layout (cr, value);
    }
}

static int
ak_bar_chart_get_height (AkChart *chart,
                         int      width)
{
  AkBarChart *self = AK_BAR_CHART (chart);

  return ak_chart_get_n_marks (chart) * row_height (self);
}

static void
ak_bar_chart_class_init (AkBarChartClass *klass)
{
  AkChartClass *chart_class = AK_CHART_CLASS (klass);

  chart_class->hit_test = ak_bar_chart_hit_test;
  chart_class->draw = ak_bar_chart_draw;
  chart_class->min_width = 120;
  chart_class->natural_width = 480;
  chart_class->get_height = ak_bar_chart_get_height;
}

static void
ak_bar_chart_init (AkBarChart *self)
{
}

GtkWidget *
ak_bar_chart_new (void)
{
  return g_object_new (AK_TYPE_BAR_CHART, NULL);
}

/**
 * ak_bar_chart_set_items:
 * @items: (array length=n_items): the bars, top first
 *
 * Shows @items, and adds a table row (label, share) for each. The texts
 * are copied.
 */
void
ak_bar_chart_set_items (AkBarChart      *self,
                        const AkBarItem *items,
                        guint            n_items)
{
  g_return_if_fail (AK_IS_BAR_CHART (self));
  g_return_if_fail (items != NULL || n_items == 0);

  ak_chart_clear (AK_CHART (self));
  for (guint i = 0; i < n_items; i++)
    {
      double value = isfinite (items[i].value) ? CLAMP (items[i].value, 0.0, 1.0) : 0.0;
      g_autofree char *value_text = ak_chart_format_percent (value);

      ak_chart_add_value (AK_CHART (self), items[i].label, value, items[i].has_value,
                          value_text, items[i].tooltip);
    }
  ak_chart_changed (AK_CHART (self));
}
