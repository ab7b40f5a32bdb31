/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-chart-card.h"

/*
 * A chart with its title above, its summary sentence below and the same
 * data as a table behind "Show as Table". The title is the chart's: set
 * it on the chart. A header widget (a quiz to choose) may sit between
 * title and chart.
 */

struct _AkChartCard
{
  AdwBin       parent_instance;

  /* Template children */
  GtkLabel    *title_label;
  AdwBin      *header_bin;
  AdwBin      *chart_bin;
  GtkLabel    *summary_label;
  GtkExpander *table_expander;
  GtkGrid     *table_grid;

  AkChart     *chart;
};

G_DEFINE_FINAL_TYPE (AkChartCard, ak_chart_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHART,
  PROP_HEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_cell (AkChartCard *self,
          const char  *text,
          int          column,
          int          row,
          gboolean     header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_label_set_wrap (GTK_LABEL (label), column == 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->table_grid, label, column, row, 1, 1);
}

static void
update_table (AkChartCard *self)
{
  const char *const *columns;
  guint n_rows;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_grid))) != NULL)
    gtk_grid_remove (self->table_grid, child);

  if (self->chart == NULL)
    return;

  columns = ak_chart_get_columns (self->chart);
  n_rows = ak_chart_get_n_rows (self->chart);
  for (guint c = 0; columns[c] != NULL; c++)
    add_cell (self, columns[c], c, 0, TRUE);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *const *cells = ak_chart_get_row (self->chart, r);

      for (guint c = 0; cells[c] != NULL; c++)
        add_cell (self, cells[c], c, r + 1, FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->table_expander), n_rows > 0);
}

static void
update_texts (AkChartCard *self)
{
  const char *title = self->chart != NULL ? ak_chart_get_title (self->chart) : NULL;
  const char *summary = self->chart != NULL ? ak_chart_get_summary (self->chart) : NULL;

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
}

static void
chart_changed_cb (AkChartCard *self)
{
  update_table (self);
  update_texts (self);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), ak_chart_get_n_marks (self->chart) > 0);
}

static void
ak_chart_card_dispose (GObject *object)
{
  AkChartCard *self = AK_CHART_CARD (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_CHART_CARD);

  G_OBJECT_CLASS (ak_chart_card_parent_class)->dispose (object);
}

static void
ak_chart_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AkChartCard *self = AK_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_HEADER:
      g_value_set_object (value, adw_bin_get_child (self->header_bin));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_chart_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AkChartCard *self = AK_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ak_chart_card_set_chart (self, g_value_get_object (value));
      break;
    case PROP_HEADER:
      ak_chart_card_set_header (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_chart_card_class_init (AkChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_chart_card_dispose;
  object_class->get_property = ak_chart_card_get_property;
  object_class->set_property = ak_chart_card_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, AK_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER] =
    g_param_spec_object ("header", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, header_bin);
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, table_expander);
  gtk_widget_class_bind_template_child (widget_class, AkChartCard, table_grid);
}

static void
ak_chart_card_init (AkChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->table_expander), FALSE);
}

GtkWidget *
ak_chart_card_new (void)
{
  return g_object_new (AK_TYPE_CHART_CARD, NULL);
}

/**
 * ak_chart_card_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart
 */
AkChart *
ak_chart_card_get_chart (AkChartCard *self)
{
  g_return_val_if_fail (AK_IS_CHART_CARD (self), NULL);
  return self->chart;
}

void
ak_chart_card_set_chart (AkChartCard *self,
                         AkChart     *chart)
{
  g_return_if_fail (AK_IS_CHART_CARD (self));
  g_return_if_fail (chart == NULL || AK_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (chart));
  if (chart != NULL)
    {
      g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
      g_signal_connect_swapped (chart, "notify::title", G_CALLBACK (update_texts), self);
      g_signal_connect_swapped (chart, "notify::summary", G_CALLBACK (update_texts), self);
      chart_changed_cb (self);
    }
  else
    {
      update_table (self);
      update_texts (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* Puts @header between the title and the chart. */
void
ak_chart_card_set_header (AkChartCard *self,
                          GtkWidget   *header)
{
  g_return_if_fail (AK_IS_CHART_CARD (self));
  g_return_if_fail (header == NULL || GTK_IS_WIDGET (header));

  if (adw_bin_get_child (self->header_bin) == header)
    return;
  adw_bin_set_child (self->header_bin, header);
  gtk_widget_set_visible (GTK_WIDGET (self->header_bin), header != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}

/**
 * ak_chart_card_get_table:
 *
 * Returns: (transfer none): the grid of the table: a header row, then a
 *   row per table row of the chart
 */
GtkGrid *
ak_chart_card_get_table (AkChartCard *self)
{
  g_return_val_if_fail (AK_IS_CHART_CARD (self), NULL);
  return self->table_grid;
}
