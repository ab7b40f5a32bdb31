/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The base of the statistics charts. A chart draws marks; for each it
 * keeps a tooltip, and for the table beside it rows of text. Its title
 * is its accessible label and its summary, one sentence on what the
 * chart shows, its accessible description.
 */

/* Colours for the current theme, from the widget's style. */
typedef struct
{
  GdkRGBA foreground;
  GdkRGBA dim;        /* secondary text */
  GdkRGBA grid;       /* axes and tracks */
  GdkRGBA empty;      /* a mark with no value */
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA warning;
} AkChartColors;

/* A labelled value of a chart with one mark per value, or none. */
typedef struct
{
  char     *label;
  double    value;
  gboolean  has_value;
} AkChartValue;

#define AK_TYPE_CHART (ak_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (AkChart, ak_chart, AK, CHART, GtkWidget)

struct _AkChartClass
{
  GtkWidgetClass parent_class;

  /* The mark at (@x, @y) with its bounds in @area, or -1. */
  int (*hit_test) (AkChart      *self,
                   double        x,
                   double        y,
                   GdkRectangle *area);
  /* Draws the marks on @cr, which covers the chart; only when there
   * are marks. */
  void (*draw)          (AkChart             *self,
                         cairo_t             *cr,
                         const AkChartColors *colors,
                         int                  width,
                         int                  height);
  /* The widths the chart asks for; without, min_width and
   * natural_width. */
  void (*measure_width) (AkChart             *self,
                         int                 *minimum,
                         int                 *natural);
  /* Its height at @width (-1: any), when it has marks; without, height.
   * A chart without marks takes none. */
  int  (*get_height)    (AkChart             *self,
                         int                  width);

  int min_width;
  int natural_width;
  int height;
};

const char        *ak_chart_get_title        (AkChart      *self);
void               ak_chart_set_title        (AkChart      *self,
                                              const char   *title);
const char        *ak_chart_get_summary      (AkChart      *self);
void               ak_chart_set_summary      (AkChart      *self,
                                              const char   *summary);

guint              ak_chart_get_n_marks      (AkChart      *self);
const char        *ak_chart_get_mark_tooltip (AkChart      *self,
                                              guint         index);
int                ak_chart_get_mark_at      (AkChart      *self,
                                              double        x,
                                              double        y);

const char *const *ak_chart_get_columns      (AkChart      *self);
guint              ak_chart_get_n_rows       (AkChart      *self);
const char *const *ak_chart_get_row          (AkChart      *self,
                                              guint         index);

/* For the charts themselves. */
void               ak_chart_get_colors       (AkChart       *self,
                                              AkChartColors *colors);
void               ak_chart_set_columns      (AkChart      *self,
                                              const char   *first,
                                              ...) G_GNUC_NULL_TERMINATED;
void               ak_chart_clear            (AkChart      *self);
void               ak_chart_add_mark         (AkChart      *self,
                                              const char   *tooltip);
void               ak_chart_add_row          (AkChart      *self,
                                              const char   *first,
                                              ...) G_GNUC_NULL_TERMINATED;
void               ak_chart_add_value        (AkChart      *self,
                                              const char   *label,
                                              double        value,
                                              gboolean      has_value,
                                              const char   *value_text,
                                              const char   *tooltip);
const AkChartValue *ak_chart_get_value       (AkChart      *self,
                                              guint         index);
void               ak_chart_changed          (AkChart      *self);

/* German dates and numbers under a German locale. */
char              *ak_chart_format_date      (const GDate  *date);
char              *ak_chart_format_short_date (const GDate *date);
char              *ak_chart_format_weekday_date (const GDate *date);
char              *ak_chart_format_percent   (double        share);
char              *ak_chart_format_count     (guint         count);
void               ak_chart_set_source_rgba  (cairo_t      *cr,
                                              const GdkRGBA *color);
PangoLayout       *ak_chart_create_layout    (AkChart      *self,
                                              const char   *text);

G_END_DECLS
