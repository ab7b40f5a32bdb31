/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <langinfo.h>
#include <math.h>

#include <glib/gi18n.h>

#include "ak-activity-heatmap.h"

/*
 * A calendar of the days the learner studied: one column per week, one
 * row per weekday, from the locale's first day of the week; the more
 * minutes, the stronger the colour. When the weeks do not fit beside
 * each other, they wrap into blocks below each other.
 */

#define MIN_CELL 10
#define MAX_CELL 16
#define GAP 3
#define BLOCK_GAP 12
#define N_LEVELS 5
#define SUMMARY_DAYS 30

struct _AkActivityHeatmap
{
  AkChart       parent_instance;

  GArray       *days;          /* AkActivityDay */
  guint         offset;        /* the first day's row */
  guint         n_weeks;
  double        max_value;
  GDateWeekday  first_weekday;
  int           label_width;   /* of the weekday names; 0 until measured */
  int           text_height;
};

G_DEFINE_FINAL_TYPE (AkActivityHeatmap, ak_activity_heatmap, AK_TYPE_CHART)

typedef struct
{
  int label_width;    /* the weekday names */
  int text_height;
  int cell;
  int weeks_per_block;
  int n_blocks;
  int block_height;
  int height;
} Layout;

/**
 * ak_activity_heatmap_get_first_weekday:
 *
 * Returns: the first day of the week in the current locale (LC_TIME):
 *   Monday in Germany, Sunday in the United States
 */
GDateWeekday
ak_activity_heatmap_get_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar reads it: a day of the week counted from a date that
   * is a Sunday or a Monday. */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_origin;
  int day;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    day = (first_weekday - 1 + 7) % 7;      /* 0 is Sunday */
  else if (week_origin == 19971201)
    day = (first_weekday + 7) % 7;
  else
    return G_DATE_MONDAY;
  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday)day;
#else
  return G_DATE_MONDAY;
#endif
}

static double
day_value (const AkActivityDay *day)
{
  if (day->minutes > 0)
    return day->minutes;
  /* Answers given in no time still count as a day of study. */
  return day->n_answers > 0 ? 0.01 : 0.0;
}

static int
measure_text (AkActivityHeatmap *self,
              const char        *text,
              int               *height)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, height);
  return width;
}

static char *
weekday_name (GDateWeekday weekday)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) date_time = g_date_time_new_local (2024, 1, weekday, 12, 0, 0);

  return g_date_time_format (date_time, "%a");
}

static GDateWeekday
row_weekday (AkActivityHeatmap *self,
             guint              row)
{
  return (self->first_weekday - 1 + row) % 7 + 1;
}

static void
compute_layout (AkActivityHeatmap *self,
                int                width,
                Layout            *layout)
{
  int n_weeks = MAX (self->n_weeks, 1);
  int available;

  /* Measured once per style: hit tests run at every pointer motion. */
  if (self->label_width == 0)
    {
      for (guint row = 0; row < 7; row += 2)
        {
          g_autofree char *name = weekday_name (row_weekday (self, row));

          self->label_width = MAX (self->label_width, measure_text (self, name,
                                                                   &self->text_height));
        }
      self->label_width += 6;
    }
  layout->label_width = self->label_width;
  layout->text_height = self->text_height;

  available = MAX (width - layout->label_width, MIN_CELL);
  layout->weeks_per_block = MAX ((available + GAP) / (MIN_CELL + GAP), 1);
  if (layout->weeks_per_block >= n_weeks)
    {
      layout->n_blocks = 1;
      layout->weeks_per_block = n_weeks;
    }
  else
    {
      /* Blocks of even length: 13 + 13 weeks rather than 20 + 6. */
      layout->n_blocks = (n_weeks + layout->weeks_per_block - 1) / layout->weeks_per_block;
      layout->weeks_per_block = (n_weeks + layout->n_blocks - 1) / layout->n_blocks;
    }
  layout->cell = CLAMP ((available + GAP) / layout->weeks_per_block - GAP, MIN_CELL, MAX_CELL);
  layout->block_height = layout->text_height + 4 + 7 * (layout->cell + GAP) - GAP;
  /* The blocks, then the legend. */
  layout->height = layout->n_blocks * layout->block_height
                   + (layout->n_blocks - 1) * BLOCK_GAP
                   + 8 + MAX (layout->text_height, layout->cell);
}

static void
cell_area (const Layout *layout,
           guint         position,
           GdkRectangle *area)
{
  int week = position / 7;
  int row = position % 7;
  int block = week / layout->weeks_per_block;
  int column = week % layout->weeks_per_block;

  area->x = layout->label_width + column * (layout->cell + GAP);
  area->y = block * (layout->block_height + BLOCK_GAP) + layout->text_height + 4
            + row * (layout->cell + GAP);
  area->width = layout->cell;
  area->height = layout->cell;
}

static int
level_of (AkActivityHeatmap   *self,
          const AkActivityDay *day)
{
  double value = day_value (day);

  if (value <= 0 || self->max_value <= 0)
    return 0;
  return 1 + MIN ((int)(4 * value / self->max_value), 3);
}

static void
level_color (const AkChartColors *colors,
             int                  level,
             GdkRGBA             *color)
{
  static const double alphas[N_LEVELS] = { 0, 0.3, 0.5, 0.75, 1.0 };

  if (level == 0)
    {
      *color = colors->empty;
      return;
    }
  *color = colors->accent;
  color->alpha = alphas[level];
}

static int
ak_activity_heatmap_hit_test (AkChart      *chart,
                              double        x,
                              double        y,
                              GdkRectangle *area)
{
  AkActivityHeatmap *self = AK_ACTIVITY_HEATMAP (chart);
  int block, column, row, position;
  double block_y;
  Layout layout;

  compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)), &layout);
  if (x < layout.label_width || y < 0)
    return -1;
  /* The gaps belong to the cell before them: no flicker between cells. */
  block = y / (layout.block_height + BLOCK_GAP);
  block_y = y - block * (layout.block_height + BLOCK_GAP) - layout.text_height - 4;
  column = (x - layout.label_width) / (layout.cell + GAP);
  row = block_y >= 0 ? (int)(block_y / (layout.cell + GAP)) : -1;
  if (block >= layout.n_blocks || column >= layout.weeks_per_block || row < 0 || row >= 7)
    return -1;
  position = (block * layout.weeks_per_block + column) * 7 + row - (int)self->offset;
  if (position < 0 || (guint)position >= self->days->len)
    return -1;
  cell_area (&layout, self->offset + position, area);
  return position;
}

static void
ak_activity_heatmap_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  AkActivityHeatmap *self = AK_ACTIVITY_HEATMAP (widget);

  GTK_WIDGET_CLASS (ak_activity_heatmap_parent_class)->css_changed (widget, change);
  self->label_width = 0;
}

static void
rounded_rectangle (cairo_t            *cr,
                   const GdkRectangle *area)
{
  double radius = 2.5;
  double x = area->x;
  double y = area->y;
  double w = area->width;
  double h = area->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (AkActivityHeatmap *self,
           cairo_t           *cr,
           const GdkRGBA     *color,
           const char        *text,
           double             x,
           double             y)
{
  g_autoptr(PangoLayout) layout = ak_chart_create_layout (AK_CHART (self), text);

  ak_chart_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (AkActivityHeatmap   *self,
             cairo_t             *cr,
             const Layout        *layout,
             const AkChartColors *colors,
             int                  width)
{
  g_autoptr(PangoLayout) less = ak_chart_create_layout (AK_CHART (self), _("Less"));
  g_autoptr(PangoLayout) more = ak_chart_create_layout (AK_CHART (self), _("More"));
  int y = layout->height - MAX (layout->text_height, layout->cell);
  int less_width, more_width, text_height;
  int x;

  pango_layout_get_pixel_size (less, &less_width, &text_height);
  pango_layout_get_pixel_size (more, &more_width, NULL);
  x = width - more_width - N_LEVELS * (layout->cell + GAP) - less_width - 9;
  x = MAX (x, 0);

  ak_chart_set_source_rgba (cr, &colors->dim);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, less);
  x += less_width + 6;
  for (int level = 0; level < N_LEVELS; level++)
    {
      GdkRectangle area = { x, y + (text_height - layout->cell) / 2, layout->cell, layout->cell };
      GdkRGBA color;

      level_color (colors, level, &color);
      ak_chart_set_source_rgba (cr, &color);
      rounded_rectangle (cr, &area);
      cairo_fill (cr);
      x += layout->cell + GAP;
    }
  ak_chart_set_source_rgba (cr, &colors->dim);
  cairo_move_to (cr, x + 3, y);
  pango_cairo_show_layout (cr, more);
}

static void
ak_activity_heatmap_draw (AkChart             *chart,
                          cairo_t             *cr,
                          const AkChartColors *colors,
                          int                  width,
                          int                  height)
{
  AkActivityHeatmap *self = AK_ACTIVITY_HEATMAP (chart);
  Layout layout;
  int last_label_end[64] = { 0, };

  compute_layout (self, width, &layout);

  for (int block = 0; block < layout.n_blocks; block++)
    for (guint row = 0; row < 7; row += 2)
      {
        g_autofree char *name = weekday_name (row_weekday (self, row));
        GdkRectangle area;

        cell_area (&layout, (block * layout.weeks_per_block) * 7 + row, &area);
        draw_text (self, cr, &colors->dim, name, 0,
                   area.y + (layout.cell - layout.text_height) / 2.0);
      }

  for (guint i = 0; i < self->days->len; i++)
    {
      const AkActivityDay *day = &g_array_index (self->days, AkActivityDay, i);
      guint position = self->offset + i;
      GdkRectangle area;
      GdkRGBA color;

      cell_area (&layout, position, &area);
      level_color (colors, level_of (self, day), &color);
      ak_chart_set_source_rgba (cr, &color);
      rounded_rectangle (cr, &area);
      cairo_fill (cr);

      /* The month over the week its first day falls in, and over the
       * first week of each block. */
      if (g_date_get_day (&day->date) == 1 || i == 0
          || (position % (7 * layout.weeks_per_block) < 7 && position % 7 == 0))
        {
          int block = (position / 7) / layout.weeks_per_block;
          g_autoptr(GDateTime) date_time = g_date_time_new_local (g_date_get_year (&day->date),
                                                                  g_date_get_month (&day->date),
                                                                  1, 12, 0, 0);
          g_autofree char *month = g_date_time_format (date_time, "%b");
          int label_height;
          int label_width = measure_text (self, month, &label_height);
          int y = block * (layout.block_height + BLOCK_GAP);

          if (block < (int)G_N_ELEMENTS (last_label_end) && area.x >= last_label_end[block]
              && area.x + label_width <= width)
            {
              draw_text (self, cr, &colors->dim, month, area.x, y);
              last_label_end[block] = area.x + label_width + 4;
            }
        }
    }

  draw_legend (self, cr, &layout, colors, width);
}

static GtkSizeRequestMode
ak_activity_heatmap_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ak_activity_heatmap_measure_width (AkChart *chart,
                                   int     *minimum,
                                   int     *natural)
{
  AkActivityHeatmap *self = AK_ACTIVITY_HEATMAP (chart);
  Layout layout;

  compute_layout (self, 0, &layout);
  /* Narrow enough for a phone; wide enough for all weeks in a row. */
  *minimum = layout.label_width + 8 * (MIN_CELL + GAP);
  *natural = layout.label_width + MAX (self->n_weeks, 1) * (MAX_CELL + GAP);
}

static int
ak_activity_heatmap_get_height (AkChart *chart,
                                int      width)
{
  Layout layout;

  compute_layout (AK_ACTIVITY_HEATMAP (chart), width < 0 ? G_MAXINT / 2 : width, &layout);
  return layout.height;
}

static void
ak_activity_heatmap_finalize (GObject *object)
{
  AkActivityHeatmap *self = AK_ACTIVITY_HEATMAP (object);

  g_array_unref (self->days);

  G_OBJECT_CLASS (ak_activity_heatmap_parent_class)->finalize (object);
}

static void
ak_activity_heatmap_class_init (AkActivityHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AkChartClass *chart_class = AK_CHART_CLASS (klass);

  object_class->finalize = ak_activity_heatmap_finalize;
  widget_class->get_request_mode = ak_activity_heatmap_get_request_mode;
  widget_class->css_changed = ak_activity_heatmap_css_changed;
  chart_class->hit_test = ak_activity_heatmap_hit_test;
  chart_class->draw = ak_activity_heatmap_draw;
  chart_class->measure_width = ak_activity_heatmap_measure_width;
  chart_class->get_height = ak_activity_heatmap_get_height;
}

static void
ak_activity_heatmap_init (AkActivityHeatmap *self)
{
  self->days = g_array_new (FALSE, FALSE, sizeof (AkActivityDay));
  self->first_weekday = ak_activity_heatmap_get_first_weekday ();
  ak_chart_set_columns (AK_CHART (self), _("Day"), _("Answers"), _("Right"), _("Minutes"),
                        NULL);
}

GtkWidget *
ak_activity_heatmap_new (void)
{
  return g_object_new (AK_TYPE_ACTIVITY_HEATMAP, NULL);
}

static guint
whole_minutes (double minutes)
{
  /* A day with some study never shows 0 minutes. */
  return minutes > 0 ? MAX ((guint)round (minutes), 1) : 0;
}

static char *
describe_day (const AkActivityDay *day)
{
  g_autofree char *date = ak_chart_format_weekday_date (&day->date);
  guint minutes = whole_minutes (day->minutes);

  if (day->n_answers > 0)
    {
      g_autofree char *answers = ak_chart_format_count (day->n_answers);
      g_autofree char *right = ak_chart_format_percent (day->correct_share);

      /* Translators: a tooltip: "Sunday, 10/03/2024: 12 answers, 75% right, 14 minutes" */
      return g_strdup_printf (ngettext ("%s: %s answer, %s right, %u min",
                                        "%s: %s answers, %s right, %u min",
                                        day->n_answers),
                              date, answers, right, minutes);
    }
  if (minutes > 0)
    /* Translators: a tooltip: "Sunday, 10/03/2024: read for 14 minutes" */
    return g_strdup_printf (ngettext ("%s: read for %u minute", "%s: read for %u minutes",
                                      minutes),
                            date, minutes);
  /* Translators: a tooltip for a day without study */
  return g_strdup_printf (_("%s: no study"), date);
}

static void
update_summary (AkActivityHeatmap *self)
{
  guint n_days = MIN (self->days->len, SUMMARY_DAYS);
  guint n_active = 0;
  guint n_answers = 0;
  g_autofree char *studied = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *count = NULL;

  if (self->days->len == 0)
    {
      ak_chart_set_summary (AK_CHART (self), NULL);
      return;
    }

  for (guint i = self->days->len - n_days; i < self->days->len; i++)
    {
      const AkActivityDay *day = &g_array_index (self->days, AkActivityDay, i);

      if (day_value (day) > 0)
        n_active++;
      n_answers += day->n_answers;
    }

  /* Translators: the first sentence that describes the activity chart;
   * %2$u is the number of days looked at, %1$u those with study */
  studied = g_strdup_printf (ngettext ("In the last %2$u days, studied on %1$u day.",
                                       "In the last %2$u days, studied on %1$u days.",
                                       n_active),
                             n_active, n_days);
  count = ak_chart_format_count (n_answers);
  /* Translators: the second sentence that describes the activity chart */
  answers = g_strdup_printf (ngettext ("%s answer given.", "%s answers given.", n_answers),
                             count);
  {
    g_autofree char *summary = g_strconcat (studied, " ", answers, NULL);

    ak_chart_set_summary (AK_CHART (self), summary);
  }
}

/**
 * ak_activity_heatmap_set_days:
 * @days: (array length=n_days): consecutive days, oldest first, as
 *   ak_progress_store_get_activity() gives them
 *
 * Shows @days. The summary looks at the last 30 of them.
 */
void
ak_activity_heatmap_set_days (AkActivityHeatmap   *self,
                              const AkActivityDay *days,
                              guint                n_days)
{
  g_return_if_fail (AK_IS_ACTIVITY_HEATMAP (self));
  g_return_if_fail (days != NULL || n_days == 0);

  g_array_set_size (self->days, 0);
  g_array_append_vals (self->days, days, n_days);
  self->max_value = 0;
  for (guint i = 0; i < n_days; i++)
    self->max_value = MAX (self->max_value, day_value (&days[i]));
  self->offset = n_days > 0 && g_date_valid (&days[0].date)
                 ? (g_date_get_weekday (&days[0].date) - self->first_weekday + 7) % 7
                 : 0;
  self->n_weeks = (self->offset + n_days + 6) / 7;

  ak_chart_clear (AK_CHART (self));
  for (guint i = 0; i < n_days; i++)
    {
      g_autofree char *tooltip = describe_day (&days[i]);

      ak_chart_add_mark (AK_CHART (self), tooltip);
      if (day_value (&days[i]) > 0)
        {
          g_autofree char *date = ak_chart_format_date (&days[i].date);
          g_autofree char *answers = ak_chart_format_count (days[i].n_answers);
          g_autofree char *right = days[i].n_answers > 0
                                   ? ak_chart_format_percent (days[i].correct_share)
                                   : g_strdup ("–");
          g_autofree char *minutes = ak_chart_format_count (whole_minutes (days[i].minutes));

          ak_chart_add_row (AK_CHART (self), date, answers, right, minutes, NULL);
        }
    }
  update_summary (self);
  ak_chart_changed (AK_CHART (self));
}

/**
 * ak_activity_heatmap_get_level:
 *
 * Returns: how strongly the day at @index is coloured: 0 for no study,
 *   up to 4 for the most
 */
int
ak_activity_heatmap_get_level (AkActivityHeatmap *self,
                               guint              index)
{
  g_return_val_if_fail (AK_IS_ACTIVITY_HEATMAP (self), 0);
  g_return_val_if_fail (index < self->days->len, 0);

  return level_of (self, &g_array_index (self->days, AkActivityDay, index));
}
