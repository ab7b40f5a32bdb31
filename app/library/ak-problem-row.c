/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-display-text.h"
#include "ak-problem-row.h"

/* A course file that did not load, or has warnings: its name, how many problems it has, a
 * button that opens it for correcting, and, expanded, one row per problem
 * with its line and column. */
struct _AkProblemRow
{
  AdwExpanderRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AkProblemRow, ak_problem_row, ADW_TYPE_EXPANDER_ROW)

static GtkWidget *
create_diagnostic_row (const AkDiagnostic *diagnostic)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  /* A message may quote a whole title from the file. */
  g_autofree char *short_message = ak_display_text_shorten (diagnostic->message,
                                                            AK_ROW_MAX_CHARS);
  g_autofree char *message = g_markup_escape_text (short_message, -1);
  g_autofree char *position = NULL;
  gboolean is_error;

  if (diagnostic->line > 0)
    /* Translators: where a problem is in a course file */
    position = g_strdup_printf (_("Line %u, column %u"),
                                diagnostic->line, MAX (diagnostic->column, 1u));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), position);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  is_error = diagnostic->severity == AK_SEVERITY_ERROR;
  icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
ak_problem_row_class_init (AkProblemRowClass *klass)
{
}

static void
ak_problem_row_init (AkProblemRow *self)
{
}

AkProblemRow *
ak_problem_row_new (const char *path,
                    GPtrArray  *diagnostics)
{
  AkProblemRow *self;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  guint n_errors;
  guint n_warnings;
  GtkWidget *icon;
  GtkWidget *edit;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  /* The name on disk need not be UTF-8: labels get it as the file
   * chooser would show it, the action gets a URI. */
  file = g_file_new_for_path (path);
  basename = g_filename_display_basename (path);
  display_path = g_file_get_parse_name (file);
  uri = g_file_get_uri (file);
  title = g_markup_escape_text (basename, -1);
  ak_diagnostic_list_count (diagnostics, &n_errors, &n_warnings);
  counts = ak_diagnostic_format_counts (n_errors, n_warnings);

  self = g_object_new (AK_TYPE_PROBLEM_ROW,
                       "title", title,
                       "subtitle", counts,
                       NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), display_path);

  /* A file with warnings only is loaded, or knowingly replaced. */
  icon = gtk_image_new_from_icon_name (n_errors > 0 ? "dialog-error-symbolic"
                                                    : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, n_errors > 0 ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  n_errors > 0 ? _("Not loaded") : _("Warning"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), icon);

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Open in Text Editor"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open in Text Editor"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-course-file");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_string (uri));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), edit);

  for (guint i = 0; i < diagnostics->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                              create_diagnostic_row (g_ptr_array_index (diagnostics, i)));

  return self;
}
