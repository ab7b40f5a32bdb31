/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ak-chart.h"

/*
 * What every chart shares: the tooltip of the mark under the pointer,
 * the text alternatives (title, summary sentence, table rows), the
 * theme's colours and the locale's dates and numbers.
 */

typedef struct
{
  char      *title;
  char      *summary;
  GStrv      columns;
  GPtrArray *tooltips;  /* char *, one per mark */
  GPtrArray *rows;      /* GStrv */
  GArray    *values;    /* AkChartValue, one per mark where the chart has them */
} AkChartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AkChart, ak_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GStrv
strv_from_va (const char *first,
              va_list     args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  return g_strv_builder_end (builder);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
clear_value (gpointer data)
{
  g_free (((AkChartValue *)data)->label);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  AkChart *self = AK_CHART (widget);
  AkChartPrivate *priv = ak_chart_get_instance_private (self);
  GdkRectangle area = { 0, };
  int index;

  if (keyboard_mode || AK_CHART_GET_CLASS (self)->hit_test == NULL)
    return FALSE;
  index = AK_CHART_GET_CLASS (self)->hit_test (self, x, y, &area);
  if (index < 0 || (guint)index >= priv->tooltips->len)
    return FALSE;
  gtk_tooltip_set_text (tooltip, g_ptr_array_index (priv->tooltips, index));
  /* A new tooltip as soon as the pointer leaves the mark. */
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
ak_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  AkChart *self = AK_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AkChartColors colors;
  cairo_t *cr;

  if (ak_chart_get_n_marks (self) == 0 || AK_CHART_GET_CLASS (self)->draw == NULL)
    return;

  ak_chart_get_colors (self, &colors);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  AK_CHART_GET_CLASS (self)->draw (self, cr, &colors, width, height);
  cairo_destroy (cr);
}

static void
ak_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  AkChart *self = AK_CHART (widget);
  AkChartClass *klass = AK_CHART_GET_CLASS (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = klass->min_width;
      *natural = klass->natural_width;
      if (klass->measure_width != NULL)
        klass->measure_width (self, minimum, natural);
    }
  else if (ak_chart_get_n_marks (self) == 0)
    *minimum = *natural = 0;
  else
    *minimum = *natural = klass->get_height != NULL ? klass->get_height (self, for_size)
                                                    : klass->height;
}

static void
ak_chart_finalize (GObject *object)
{
  AkChart *self = AK_CHART (object);
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->summary);
  g_strfreev (priv->columns);
  g_ptr_array_unref (priv->tooltips);
  g_ptr_array_unref (priv->rows);
  g_array_unref (priv->values);

  G_OBJECT_CLASS (ak_chart_parent_class)->finalize (object);
}

static void
ak_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AkChart *self = AK_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ak_chart_get_title (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, ak_chart_get_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AkChart *self = AK_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ak_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      ak_chart_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_chart_class_init (AkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ak_chart_finalize;
  object_class->get_property = ak_chart_get_property;
  object_class->set_property = ak_chart_set_property;
  widget_class->snapshot = ak_chart_snapshot;
  widget_class->measure = ak_chart_measure;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AkChart::changed:
   *
   * The chart got new data: its marks, rows and summary are new.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ak_chart_init (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  priv->tooltips = g_ptr_array_new_with_free_func (g_free);
  priv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  priv->columns = g_new0 (char *, 1);
  priv->values = g_array_new (FALSE, FALSE, sizeof (AkChartValue));
  g_array_set_clear_func (priv->values, clear_value);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

const char *
ak_chart_get_title (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  return priv->title;
}

/**
 * ak_chart_set_title:
 *
 * Sets the chart's name, which a screen reader announces.
 */
void
ak_chart_set_title (AkChart    *self,
                    const char *title)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_if_fail (AK_IS_CHART (self));

  if (!set_string (&priv->title, title))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ak_chart_get_summary (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  return priv->summary;
}

/**
 * ak_chart_set_summary:
 *
 * Sets the sentence that says what the chart shows, for those who
 * cannot see it; it is the chart's accessible description.
 */
void
ak_chart_set_summary (AkChart    *self,
                      const char *summary)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_if_fail (AK_IS_CHART (self));

  if (!set_string (&priv->summary, summary))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary != NULL ? summary : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

guint
ak_chart_get_n_marks (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), 0);
  return priv->tooltips->len;
}

const char *
ak_chart_get_mark_tooltip (AkChart *self,
                           guint    index)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  g_return_val_if_fail (index < priv->tooltips->len, NULL);
  return g_ptr_array_index (priv->tooltips, index);
}

/**
 * ak_chart_get_mark_at:
 *
 * Returns: the index of the mark at (@x, @y) in the chart's coordinates,
 *   whose tooltip shows there; -1 if there is none
 */
int
ak_chart_get_mark_at (AkChart *self,
                      double   x,
                      double   y)
{
  GdkRectangle area;

  g_return_val_if_fail (AK_IS_CHART (self), -1);
  if (AK_CHART_GET_CLASS (self)->hit_test == NULL)
    return -1;
  return AK_CHART_GET_CLASS (self)->hit_test (self, x, y, &area);
}

/**
 * ak_chart_get_columns:
 *
 * Returns: (transfer none): the headers of the table beside the chart
 */
const char *const *
ak_chart_get_columns (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  return (const char *const *)priv->columns;
}

guint
ak_chart_get_n_rows (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), 0);
  return priv->rows->len;
}

/**
 * ak_chart_get_row:
 *
 * Returns: (transfer none): one cell per column
 */
const char *const *
ak_chart_get_row (AkChart *self,
                  guint    index)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  g_return_val_if_fail (index < priv->rows->len, NULL);
  return g_ptr_array_index (priv->rows, index);
}

void
ak_chart_set_columns (AkChart    *self,
                      const char *first,
                      ...)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);
  va_list args;

  g_return_if_fail (AK_IS_CHART (self));

  va_start (args, first);
  g_strfreev (priv->columns);
  priv->columns = strv_from_va (first, args);
  va_end (args);
}

/* Drops the marks and rows, before new data adds its own. */
void
ak_chart_clear (AkChart *self)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_if_fail (AK_IS_CHART (self));
  g_ptr_array_set_size (priv->tooltips, 0);
  g_ptr_array_set_size (priv->rows, 0);
  g_array_set_size (priv->values, 0);
}

void
ak_chart_add_mark (AkChart    *self,
                   const char *tooltip)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_if_fail (AK_IS_CHART (self));
  g_ptr_array_add (priv->tooltips, g_strdup (tooltip));
}

void
ak_chart_add_row (AkChart    *self,
                  const char *first,
                  ...)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);
  va_list args;

  g_return_if_fail (AK_IS_CHART (self));

  va_start (args, first);
  g_ptr_array_add (priv->rows, strv_from_va (first, args));
  va_end (args);
}

/**
 * ak_chart_add_value:
 * @label: (nullable): the value's name, also the first cell of its row
 * @value_text: (nullable): @value as the table shows it
 *
 * Adds a mark for a labelled value, or for none, and its table row
 * (label, value). The texts are copied.
 */
void
ak_chart_add_value (AkChart    *self,
                    const char *label,
                    double      value,
                    gboolean    has_value,
                    const char *value_text,
                    const char *tooltip)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);
  AkChartValue item;

  g_return_if_fail (AK_IS_CHART (self));

  item = (AkChartValue) { g_strdup (label != NULL ? label : ""), value, has_value };
  g_array_append_val (priv->values, item);
  ak_chart_add_mark (self, tooltip);
  ak_chart_add_row (self, item.label,
                    has_value && value_text != NULL ? value_text : "–", NULL);
}

/**
 * ak_chart_get_value:
 *
 * Returns: (transfer none): the value added for mark @index
 */
const AkChartValue *
ak_chart_get_value (AkChart *self,
                    guint    index)
{
  AkChartPrivate *priv = ak_chart_get_instance_private (self);

  g_return_val_if_fail (AK_IS_CHART (self), NULL);
  g_return_val_if_fail (index < priv->values->len, NULL);
  return &g_array_index (priv->values, AkChartValue, index);
}

/* Tells the chart's table and the layout that the data is new. */
void
ak_chart_changed (AkChart *self)
{
  g_return_if_fail (AK_IS_CHART (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mix (GdkRGBA       *result,
     const GdkRGBA *color,
     double         alpha)
{
  *result = *color;
  result->alpha *= alpha;
}

void
ak_chart_get_colors (AkChart       *self,
                     AkChartColors *colors)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_return_if_fail (AK_IS_CHART (self));

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &colors->foreground);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                               &colors->foreground);
#endif
  mix (&colors->dim, &colors->foreground, 0.7);
  mix (&colors->grid, &colors->foreground, 0.25);
  mix (&colors->empty, &colors->foreground, 0.1);

  /* Adwaita's accent, success and warning colours for text and marks,
   * which its stylesheet does not hand to drawn widgets. */
  gdk_rgba_parse (&colors->accent, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&colors->success, dark ? "#8ff0a4" : "#1b8553");
  gdk_rgba_parse (&colors->warning, dark ? "#f8e45c" : "#9c6e03");
}

void
ak_chart_set_source_rgba (cairo_t       *cr,
                          const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* A layout in the chart's font, a size smaller. */
PangoLayout *
ak_chart_create_layout (AkChart    *self,
                        const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static char *
format_gdate (const GDate *date,
              const char  *format)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  date_time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                     g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (date_time, format);
}

/* "10.03.2024" under a German locale. */
char *
ak_chart_format_date (const GDate *date)
{
  return format_gdate (date, "%x");
}

/* "10. Mär" under a German locale: for axis labels. */
char *
ak_chart_format_short_date (const GDate *date)
{
  /* Translators: a day and month on a chart's axis, a g_date_time_format()
   * format; German "%-d. %b" */
  return format_gdate (date, C_("chart date", "%b %-d"));
}

/* "Sonntag, 10.03.2024" under a German locale. */
char *
ak_chart_format_weekday_date (const GDate *date)
{
  /* Translators: a weekday and a date in a chart's tooltip, a
   * g_date_time_format() format: %A the weekday, %x the date */
  return format_gdate (date, C_("chart date", "%A, %x"));
}

/* "76 %" under a German locale. */
char *
ak_chart_format_percent (double share)
{
  double percent = isfinite (share) ? CLAMP (share, 0.0, 1.0) * 100 : 0.0;

  /* Translators: a share in percent; German puts a no-break space before
   * the sign: "%d %%" */
  return g_strdup_printf (_("%d%%"), (int)round (percent));
}

/* "1.234" under a German locale. */
char *
ak_chart_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}
